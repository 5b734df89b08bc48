#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <optional>
#include <string>

#include "support/openapi/violation.hpp"

namespace nicecream::support::openapi {

// Checks JSON values against OpenAPI 3.0 schema objects (the subset in schema_keywords.hpp).
// `$ref`s resolve within `document`, which must outlive the validator.
class SchemaValidator {
 public:
  explicit SchemaValidator(const boost::json::value& document) : document_(document) {}

  // The first place `instance` breaks `schema`, or nullopt when it fits. Throws SpecError when the
  // schema itself is broken or uses a keyword this validator does not enforce.
  std::optional<Violation> validate(const boost::json::value& schema,
                                    const boost::json::value& instance) const;

 private:
  using Result = std::optional<Violation>;

  Result check(const boost::json::value& schema, const boost::json::value& instance,
               const std::string& path, int depth) const;
  Result check_type(const boost::json::object& schema, const boost::json::value& instance,
                    const std::string& path) const;
  Result check_enum(const boost::json::object& schema, const boost::json::value& instance,
                    const std::string& path) const;
  Result check_string(const boost::json::object& schema, const boost::json::string& text,
                      const std::string& path) const;
  Result check_number(const boost::json::object& schema, const boost::json::value& number,
                      const std::string& path) const;
  Result check_object(const boost::json::object& schema, const boost::json::object& object,
                      const std::string& path, int depth) const;
  Result check_array(const boost::json::object& schema, const boost::json::array& array,
                     const std::string& path, int depth) const;

  const boost::json::value& document_;
};

}  // namespace nicecream::support::openapi
