#include "crawler/crawler.hpp"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <random>
#include <set>
#include <sstream>

#include "crawler/channel_source.hpp"
#include "crawler/failure_reason.hpp"
#include "crawler/fetcher.hpp"
#include "crawler/poll_metrics.hpp"
#include "crawler/recorder.hpp"
#include "crawler/schedule.hpp"
#include "crawler/sources/read_title.hpp"
#include "crawler/sources/title_normaliser.hpp"
#include "crawler/status_writer.hpp"
#include "domain/source_format.hpp"
#include "store/errors.hpp"

namespace nicecream::crawler {

namespace {
// "300 s", or "200 ms" for the short intervals tests use.
std::string describe(std::chrono::milliseconds interval) {
  if (interval.count() % 1000 == 0) return std::to_string(interval.count() / 1000) + " s";
  return std::to_string(interval.count()) + " ms";
}

// Leases are renewed well before they lapse, however long the interval.
Clock::duration refresh_period(const CrawlerSettings& settings) {
  return std::min<Clock::duration>(settings.interval, settings.lease_ttl / 3);
}
}  // namespace

// One run: the schedule, the fetcher and the store's health live as long as run() does.
class Crawler::Loop {
 public:
  Loop(store::Store& store, events::Bus& bus, const CrawlerSettings& settings,
       std::vector<MatchListener> match_listeners)
      : store_(store),
        settings_(settings),
        owner_(settings.lease_owner.empty() ? default_lease_owner() : settings.lease_owner),
        fetcher_(limits_of(settings)),
        recorder_(store, bus, std::move(match_listeners)),
        status_(store,
                [&bus](const domain::Channel& channel, const domain::ChannelStatus& status) {
                  bus.publish_channel({channel, status});
                }),
        normaliser_(normaliser_of(settings)) {}

  void run(std::stop_token stop) {
    std::stop_callback wake_on_stop(stop, [this] { fetcher_.wake(); });
    auto next_refresh = Clock::now();
    while (!stop.stop_requested()) {
      if (Clock::now() >= next_refresh) {
        refresh_channels();
        next_refresh = Clock::now() + refresh_period(settings_);
      }
      start_due_fetches();
      for (auto& response : fetcher_.wait(wake_time(next_refresh))) handle_safely(response);
    }
    release_leases();
  }

 private:
  void refresh_channels() {
    try {
      const auto claimed = store_.claim_channels(owner_, settings_.lease_ttl);
      const std::set<domain::Id> held(claimed.begin(), claimed.end());
      auto channels = store_.list_channels();
      // A paused channel keeps its lease (shares stay fair) but leaves the schedule until an
      // admin resumes it; it is picked up again at the next refresh, within one interval.
      std::erase_if(channels, [&](const auto& channel) {
        return !held.contains(channel.id) || channel.paused;
      });
      schedule_.replace_channels(channels, Clock::now());
      status_.flush();
      if (store_health_.report_ok() || channels.size() != polled_count_)
        spdlog::info("crawler: polling {} channels", channels.size());
      polled_count_ = channels.size();
    } catch (const std::exception& error) {
      report_store_failure(error.what());  // keep polling the channels already held
    }
  }

  // When the fetcher's wait ends: when the next channel is due, unless every transfer slot is
  // taken. Then that channel waits for a transfer to end (which ends the wait anyway): being
  // overdue, its due time would end each wait at once, and the loop would spin until a slot frees.
  Clock::time_point wake_time(Clock::time_point next_refresh) const {
    if (fetcher_.in_flight() >= settings_.max_parallel) return next_refresh;
    return std::min(schedule_.next_due().value_or(next_refresh), next_refresh);
  }

  void start_due_fetches() {
    const auto room =
        settings_.max_parallel - std::min(settings_.max_parallel, fetcher_.in_flight());
    for (auto* scheduled : schedule_.take_due(Clock::now(), room)) {
      const auto source = source_of(scheduled->channel);
      try {
        fetcher_.start(
            {scheduled->channel.id, scheduled->channel.url, sources::wants_icy_metadata(source)});
      } catch (const std::exception& error) {
        back_off(*scheduled, std::string("cannot start a request: ") + error.what());
      }
    }
  }

  // Nothing a station sends may end the crawler; a surprise is that channel's failure.
  void handle_safely(const FetchResponse& response) {
    try {
      handle(response);
    } catch (const std::exception& error) {
      if (auto* scheduled = schedule_.find(response.channel_id))
        back_off(*scheduled, std::string("unexpected error: ") + error.what());
    }
  }

  void handle(const FetchResponse& response) {
    auto* scheduled = schedule_.find(response.channel_id);
    if (scheduled == nullptr || !scheduled->started) return;  // dropped while in flight
    const auto started = *scheduled->started;
    if (response.failed()) return back_off(*scheduled, response.error);
    const auto source = source_of(scheduled->channel);
    const auto reading = sources::read_title(
        source, {response.content_type, response.icy_metaint, response.body}, normaliser_);
    if (reading.failed()) return back_off(*scheduled, reading.error, kNoTitleReason);
    count_poll(*scheduled, "ok");
    note_outcome(*scheduled, "");
    if (scheduled->health.report_ok())
      spdlog::info("crawler: channel {}: reading titles", scheduled->channel.name);
    if (reading.has_title()) record(*scheduled, *reading.title);
    schedule_.finish(*scheduled, started + settings_.interval);
  }

  void record(ScheduledChannel& scheduled, const std::string& title) {
    if (scheduled.last_title == title) return;  // the store already holds it
    try {
      const auto result = recorder_.record(scheduled.channel, title);
      if (result.kind == RecordResult::Kind::store_unavailable)
        return report_store_failure(result.error);  // the title is tried again next interval
      scheduled.last_title = title;
      if (store_health_.report_ok()) spdlog::info("crawler: store available again");
    } catch (const std::exception& error) {
      // E.g. the channel was removed a moment ago; the next refresh drops it.
      spdlog::error("crawler: channel {}: recording \"{}\" failed: {}", scheduled.channel.name,
                    title, error.what());
    }
  }

  // `reason` is logged; `status_reason`, one of the short ones, goes to the channel's status.
  void back_off(ScheduledChannel& scheduled, const std::string& reason,
                std::optional<std::string_view> status_reason = std::nullopt) {
    count_poll(scheduled, "failed");
    if (scheduled.health.report_failure(reason))
      spdlog::warn("crawler: channel {}: {}; retrying every {}", scheduled.channel.name, reason,
                   describe(settings_.backoff_interval));
    note_outcome(scheduled, status_reason.value_or(reason));
    schedule_.finish(scheduled, Clock::now() + settings_.backoff_interval);
  }

  void note_outcome(ScheduledChannel& scheduled, std::string_view reason) {
    try {
      status_.record(scheduled, reason);
    } catch (const std::exception& error) {
      report_store_failure(error.what());  // written again after the next poll
    }
  }

  void report_store_failure(const std::string& reason) {
    if (store_health_.report_failure(reason))
      spdlog::error("crawler: store unavailable: {}; retrying", reason);
  }

  void release_leases() {
    try {
      status_.flush();
      store_.release_channels(owner_);
    } catch (const std::exception& error) {
      spdlog::warn("crawler: leases not released (they lapse by themselves): {}", error.what());
    }
  }

  store::Store& store_;
  const CrawlerSettings& settings_;
  std::string owner_;
  Fetcher fetcher_;
  Recorder recorder_;
  StatusWriter status_;
  sources::TitleNormaliser normaliser_;
  Schedule schedule_;
  Health store_health_;
  std::size_t polled_count_ = 0;
};

Crawler::Crawler(store::Store& store, events::Bus& bus, CrawlerSettings settings,
                 std::vector<MatchListener> match_listeners)
    : store_(store),
      bus_(bus),
      settings_(std::move(settings)),
      match_listeners_(std::move(match_listeners)) {
  initialise_curl();
}

Crawler::~Crawler() = default;

void Crawler::run(std::stop_token stop) {
  Loop loop(store_, bus_, settings_, match_listeners_);
  loop.run(stop);
}

// Host name and pid alone collide for containers on the host network (same name, pid 1), so a
// random suffix keeps every crawler process's leases its own.
std::string default_lease_owner() {
  char host[256] = {};
  if (gethostname(host, sizeof host - 1) != 0) host[0] = '\0';
  std::random_device random;
  std::ostringstream owner;
  owner << host << ":" << getpid() << ":" << std::hex << random() << random();
  return owner.str();
}

}  // namespace nicecream::crawler
