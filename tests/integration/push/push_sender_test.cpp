// The Web Push sender against the push service emulator (tests/support/push): what it sends is
// checked there as a browser vendor would (VAPID JWT signature, audience, expiry; TTL;
// aes128gcm decrypted with the subscription's own keys), and the sender's answers to 201, 410,
// 429 and 500, and to a private address it may not reach, are seen from both sides.
#include "push/push_sender.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <mutex>

#include "metrics/app_metrics.hpp"
#include "support/push/push_emulator.hpp"
#include "support/server/eventually.hpp"

namespace nicecream::testing {
namespace {

constexpr std::string_view kPrivateKey = "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw";
constexpr std::string_view kPublicKey =
    "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8";
const std::string kPayload = R"({"title":"Artist - Song","song_id":7})";

std::uint64_t deliveries(const char* result) {
  return metrics::app().push_deliveries.with({result}).value();
}

class PushSenderTest : public ::testing::Test {
 protected:
  // The user's subscriptions as the store would hold them; removals recorded.
  void own(const EmulatedSubscription& subscription, domain::Id user_id = 1) {
    const std::lock_guard lock(mutex_);
    book_.push_back({.id = static_cast<domain::Id>(book_.size() + 1),
                     .user_id = user_id,
                     .endpoint = subscription.endpoint,
                     .p256dh = subscription.p256dh,
                     .auth = subscription.auth});
  }

  std::unique_ptr<push::PushSender> start(bool allow_private = true) {
    push::SenderSettings settings;
    settings.subject = "mailto:ops@radio.example";
    settings.allow_private_targets = allow_private;
    settings.first_retry = std::chrono::milliseconds(200);
    settings.timeout = std::chrono::seconds(10);
    return std::make_unique<push::PushSender>(
        push::VapidKey::from_private_scalar(kPrivateKey), settings,
        push::SubscriptionBook{
            .of_user =
                [this](domain::Id user_id) {
                  const std::lock_guard lock(mutex_);
                  std::vector<domain::PushSubscription> mine;
                  for (const auto& subscription : book_)
                    if (subscription.user_id == user_id) mine.push_back(subscription);
                  return mine;
                },
            .remove =
                [this](const std::string& endpoint) {
                  const std::lock_guard lock(mutex_);
                  removed_.push_back(endpoint);
                  std::erase_if(book_, [&](const auto& s) { return s.endpoint == endpoint; });
                },
        });
  }

  std::vector<std::string> removed() {
    const std::lock_guard lock(mutex_);
    return removed_;
  }

  PushEmulator emulator_;
  std::mutex mutex_;
  std::vector<domain::PushSubscription> book_;
  std::vector<std::string> removed_;
};

TEST_F(PushSenderTest, EveryBrowserOfTheUserGetsTheMessageOnce) {
  const auto phone = emulator_.subscribe();
  const auto laptop = emulator_.subscribe();
  const auto someone_else = emulator_.subscribe();
  own(phone);
  own(laptop);
  own(someone_else, 2);
  const auto sent_before = deliveries("sent");
  auto sender = start();
  ASSERT_TRUE(sender->enqueue({.user_id = 1, .payload = kPayload}));
  ASSERT_TRUE(eventually([&] { return deliveries("sent") == sent_before + 2; }));
  sender->stop();

  for (const auto& subscription : {phone, laptop}) {
    const auto inbox = emulator_.inbox(subscription.id);
    EXPECT_EQ(inbox.rejected, std::vector<std::string>{});
    ASSERT_EQ(inbox.delivered().size(), 1U);
    const auto& message = inbox.messages.front();
    EXPECT_EQ(message.at("payload").as_string(), kPayload);
    EXPECT_EQ(message.at("key").as_string(), kPublicKey);
    EXPECT_EQ(message.at("ttl").as_int64(), 86400);
    EXPECT_EQ(message.at("urgency").as_string(), "normal");
    const auto& claims = message.at("claims").as_object();
    EXPECT_EQ(claims.at("aud").as_string(), emulator_.origin());
    EXPECT_EQ(claims.at("sub").as_string(), "mailto:ops@radio.example");
  }
  EXPECT_EQ(emulator_.inbox(someone_else.id).attempts, 0);
}

TEST_F(PushSenderTest, GoneSubscriptionsAreRemoved) {
  const auto gone = emulator_.subscribe();
  const auto expired = emulator_.subscribe();
  own(gone);
  own(expired);
  emulator_.answer_next(gone.id, {410});
  emulator_.answer_next(expired.id, {404});
  const auto removed_before = deliveries("removed");
  auto sender = start();
  sender->enqueue({.user_id = 1, .payload = kPayload});
  ASSERT_TRUE(eventually([&] { return removed().size() == 2; }));
  sender->stop();
  EXPECT_EQ(deliveries("removed"), removed_before + 2);
  EXPECT_EQ(emulator_.inbox(gone.id).attempts, 1) << "never retried";
  EXPECT_EQ(emulator_.inbox(expired.id).attempts, 1);
}

TEST_F(PushSenderTest, ServerErrorsAreRetriedUntilDelivered) {
  const auto flaky = emulator_.subscribe();
  own(flaky);
  emulator_.answer_next(flaky.id, {500, 503});
  const auto sent_before = deliveries("sent");
  auto sender = start();
  sender->enqueue({.user_id = 1, .payload = kPayload});
  ASSERT_TRUE(eventually([&] { return deliveries("sent") == sent_before + 1; }));
  sender->stop();
  const auto inbox = emulator_.inbox(flaky.id);
  EXPECT_EQ(inbox.attempts, 3);
  EXPECT_EQ(inbox.delivered().size(), 1U) << "delivered once";
  EXPECT_TRUE(removed().empty());
}

TEST_F(PushSenderTest, RetryAfterIsHonoured) {
  const auto busy = emulator_.subscribe();
  own(busy);
  emulator_.answer_next(busy.id, {429}, 2);
  const auto sent_before = deliveries("sent");
  auto sender = start();
  const auto queued = std::chrono::steady_clock::now();
  sender->enqueue({.user_id = 1, .payload = kPayload});
  ASSERT_TRUE(eventually([&] { return deliveries("sent") == sent_before + 1; }));
  // The sender's own backoff here is 200 ms; the push service asked for 2 s.
  EXPECT_GE(std::chrono::steady_clock::now() - queued, std::chrono::seconds(2));
  sender->stop();
  EXPECT_EQ(emulator_.inbox(busy.id).attempts, 2);
}

TEST_F(PushSenderTest, GivesUpAfterTheLastAttempt) {
  const auto broken = emulator_.subscribe();
  own(broken);
  emulator_.answer_next(broken.id, {500, 500, 500, 500, 500});
  const auto failed_before = deliveries("failed");
  auto sender = start();
  sender->enqueue({.user_id = 1, .payload = kPayload});
  ASSERT_TRUE(eventually([&] { return deliveries("failed") == failed_before + 1; }));
  sender->stop();
  EXPECT_EQ(emulator_.inbox(broken.id).attempts, 4);
  EXPECT_TRUE(removed().empty()) << "a failing push service is not a gone subscription";
}

TEST_F(PushSenderTest, PrivateAddressesAreRefusedUnlessAllowed) {
  const auto local = emulator_.subscribe();
  own(local);
  const auto failed_before = deliveries("failed");
  auto sender = start(false);
  sender->enqueue({.user_id = 1, .payload = kPayload});
  ASSERT_TRUE(eventually([&] { return deliveries("failed") == failed_before + 1; }));
  // An https endpoint on a private address passes the URL check and is refused at connect.
  {
    const std::lock_guard lock(mutex_);
    book_.front().endpoint =
        "https://127.0.0.1:" + std::to_string(emulator_.port()) + "/push/" + local.id;
  }
  sender->enqueue({.user_id = 1, .payload = kPayload});
  ASSERT_TRUE(eventually([&] { return deliveries("failed") == failed_before + 2; }));
  sender->stop();
  EXPECT_EQ(emulator_.inbox(local.id).attempts, 0) << "no request reached the address";
  EXPECT_TRUE(removed().empty());
}

TEST_F(PushSenderTest, AFullQueueDropsAndCounts) {
  const auto dropped_before = deliveries("dropped");
  push::SenderSettings settings;
  settings.subject = "mailto:ops@radio.example";
  settings.queue_capacity = 2;
  std::mutex gate;
  std::unique_lock closed(gate);
  // The book blocks the sender's thread on the first notification, so the queue fills.
  push::PushSender sender(push::VapidKey::from_private_scalar(kPrivateKey), settings,
                          {.of_user =
                               [&gate](domain::Id) {
                                 const std::lock_guard wait(gate);
                                 return std::vector<domain::PushSubscription>{};
                               },
                           .remove = [](const std::string&) {}});
  int accepted = 0;
  for (int i = 0; i < 10; ++i) accepted += sender.enqueue({.user_id = 1, .payload = "{}"}) ? 1 : 0;
  EXPECT_GE(accepted, 2);
  EXPECT_LE(accepted, 3);  // two queued, and perhaps one the thread already took
  EXPECT_EQ(deliveries("dropped"), dropped_before + static_cast<std::uint64_t>(10 - accepted));
  closed.unlock();
  sender.stop();
}

}  // namespace
}  // namespace nicecream::testing
