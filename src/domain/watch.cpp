#include "domain/watch.hpp"

namespace nicecream::domain {

std::string_view watch_kind_name(WatchKind kind) {
  switch (kind) {
    case WatchKind::song:
      return "song";
    case WatchKind::artist:
      return "artist";
    case WatchKind::text:
      return "text";
  }
  return "song";
}

std::optional<WatchKind> parse_watch_kind(std::string_view name) {
  for (const auto kind : {WatchKind::song, WatchKind::artist, WatchKind::text}) {
    if (watch_kind_name(kind) == name) return kind;
  }
  return std::nullopt;
}

}  // namespace nicecream::domain
