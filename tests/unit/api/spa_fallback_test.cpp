#include "api/web/spa_fallback.hpp"

#include <gtest/gtest.h>

namespace nicecream::api {
namespace {

TEST(AcceptsHtml, WhatBrowsersSendWhenTheyOpenAPage) {
  for (const auto* accept :
       {"text/html", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
        "application/xhtml+xml, TEXT/HTML ;q=0.5", "text/html;level=1;q=0.1"})
    EXPECT_TRUE(accepts_html(accept)) << accept;
}

TEST(AcceptsHtml, NotWhatScriptsSendForData) {
  for (const auto* accept : {"", "*/*", "application/json", "text/*", "text/htmlx", "text/html;q=0",
                             "text/html; q=0.000, */*"})
    EXPECT_FALSE(accepts_html(accept)) << accept;
}

TEST(SharedPagePath, TheAppsPagesThatShareAPathWithTheApi) {
  for (const auto* path : {"/charts", "/songs/7", "/artists/12"})
    EXPECT_TRUE(is_shared_page_path(path)) << path;
  for (const auto* path : {"/songs", "/songs/", "/songs/7/stats", "/songs/x", "/artists",
                           "/history", "/charts/", "/user/google", "/chartsx"})
    EXPECT_FALSE(is_shared_page_path(path)) << path;
}

}  // namespace
}  // namespace nicecream::api
