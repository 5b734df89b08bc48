#include "support/stations/station_emulator.hpp"

#include <boost/json.hpp>
#include <sstream>

namespace nicecream::testing {

namespace {
std::string json_string(const std::string& text) {
  return boost::json::serialize(boost::json::value(text));
}

std::string seconds_text(double seconds) {
  std::ostringstream text;
  text << seconds;
  return text.str();
}
}  // namespace

StationEmulator::StationEmulator(int stations, double rotate_seconds)
    : process_("tests/support/stations/emulator.py",
               {"--stations", std::to_string(stations), "--rotate", seconds_text(rotate_seconds)}) {
}

std::string StationEmulator::url(const std::string& station, const std::string& resource) const {
  return process_.origin() + "/" + station + "/" + resource;
}

void StationEmulator::set_title(const std::string& station, const std::string& title) {
  control(station, "{\"title\":" + json_string(title) + "}");
}

void StationEmulator::set_mode(const std::string& station, const std::string& mode) {
  control(station, "{\"mode\":" + json_string(mode) + "}");
}

StationState StationEmulator::state(const std::string& station) {
  const auto document = boost::json::parse(control(station, "")).as_object();
  return {std::string(document.at("title").as_string()),
          std::string(document.at("mode").as_string()), document.at("requests").as_int64(),
          document.at("bytes_sent").as_int64()};
}

// POST with a body changes the station; an empty body only reads it.
std::string StationEmulator::control(const std::string& station, const std::string& body) {
  if (body.empty()) return process_.request("/control/" + station);
  return process_.request("/control/" + station, body);
}

}  // namespace nicecream::testing
