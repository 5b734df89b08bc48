#include "support/openapi/references.hpp"

#include <boost/json/string.hpp>
#include <string>

#include "support/openapi/spec_error.hpp"

namespace nicecream::support::openapi {

namespace json = boost::json;

namespace {
// Longer than any honest chain; a loop stops here instead of hanging the test.
constexpr int kMaxChain = 32;
}  // namespace

const json::value* find_reference(const json::value& document, std::string_view ref) {
  if (!ref.starts_with('#')) return nullptr;
  ref.remove_prefix(1);
  json::error_code error;
  const json::value* target = document.find_pointer(ref, error);
  return error ? nullptr : target;
}

const json::object& follow_references(const json::value& document, const json::object& node) {
  const json::object* current = &node;
  for (int step = 0; step < kMaxChain; ++step) {
    const json::value* ref = current->if_contains("$ref");
    if (!ref) return *current;
    if (!ref->is_string()) throw SpecError("a $ref that is not a string");
    const std::string_view target_name = ref->get_string();
    const json::value* target = find_reference(document, target_name);
    if (!target) throw SpecError("$ref " + std::string(target_name) + " does not resolve");
    if (!target->is_object())
      throw SpecError("$ref " + std::string(target_name) + " points at a non-object");
    current = &target->get_object();
  }
  throw SpecError("$ref chain longer than " + std::to_string(kMaxChain) + " (a loop?)");
}

}  // namespace nicecream::support::openapi
