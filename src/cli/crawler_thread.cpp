#include "cli/crawler_thread.hpp"

#include <spdlog/spdlog.h>

namespace nicecream::cli {

CrawlerThread::CrawlerThread(store::Store&, events::Bus&, const config::Config&) {
  spdlog::warn("the crawler is not built into this binary yet");
}

CrawlerThread::~CrawlerThread() = default;

}  // namespace nicecream::cli
