#include "api/docs/openapi_document.hpp"

#include <span>

#include "embed/embedded_file.hpp"

namespace nicecream::api::embedded {
std::span<const nicecream::EmbeddedFile> openapi_files();
}

namespace nicecream::api {

std::string_view openapi_document() {
  return embedded::openapi_files().front().text;
}

}  // namespace nicecream::api
