"""The compose files start things in the right order and roles.

docker-compose.yml: postgres and redis report health; a one-shot
`migrations` runs once postgres is healthy; `api` (serve, crawler off) and
`crawler` (crawl) wait for the migration to finish and for redis. Nothing
waits by sleeping. docker-compose.embedded.yml: one container, its data
in a volume. The smoke test's host-network overrides keep every service
on loopback.
"""

import pathlib
import re
import unittest

import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]


def load(relative):
    with open(ROOT / relative, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


STACK = load("docker-compose.yml")
EMBEDDED = load("docker-compose.embedded.yml")
SMOKE_STACK = load("deploy/smoke/compose.stack.yml")
SMOKE_EMBEDDED = load("deploy/smoke/compose.embedded.yml")


def command(service):
    value = service.get("command")
    return value if isinstance(value, str) else " ".join(value)


class Stack(unittest.TestCase):
    services = STACK["services"]

    def test_services(self):
        self.assertEqual({"postgres", "redis", "migrations", "api", "crawler"}, set(self.services))

    def test_roles_share_one_image(self):
        images = {self.services[name]["image"] for name in ("migrations", "api", "crawler")}
        self.assertEqual({"nicecream-history:latest"}, images)
        self.assertEqual(".", self.services["migrations"]["build"])

    def test_commands(self):
        self.assertEqual("migrate", command(self.services["migrations"]))
        self.assertEqual("serve", command(self.services["api"]))
        self.assertEqual("crawl", command(self.services["crawler"]))
        self.assertEqual("false", self.services["api"]["environment"]["NICECREAM_CRAWLER"])

    def test_start_order_follows_health(self):
        self.assertEqual({"postgres": {"condition": "service_healthy"}},
                         self.services["migrations"]["depends_on"])
        for name in ("api", "crawler"):
            with self.subTest(service=name):
                self.assertEqual({"migrations": {"condition": "service_completed_successfully"},
                                  "redis": {"condition": "service_healthy"}},
                                 self.services[name]["depends_on"])
        for name in ("postgres", "redis"):
            with self.subTest(service=name):
                self.assertIn("test", self.services[name]["healthcheck"])

    def test_migration_runs_once(self):
        self.assertEqual("no", self.services["migrations"]["restart"])

    def test_roles_use_postgres_and_redis(self):
        for name in ("migrations", "api", "crawler"):
            environment = self.services[name]["environment"]
            with self.subTest(service=name):
                self.assertEqual("postgres", environment["PGHOST"])
                self.assertEqual("redis", environment["REDIS_HOST"])

    def test_nobody_sleeps(self):
        text = (ROOT / "docker-compose.yml").read_text(encoding="utf-8")
        self.assertIsNone(re.search(r"\bsleep\b", text))


class Embedded(unittest.TestCase):
    def test_one_service_with_its_data_in_a_volume(self):
        services = EMBEDDED["services"]
        self.assertEqual(["nicecream"], list(services))
        service = services["nicecream"]
        self.assertEqual("serve", command(service))
        self.assertIn("nicecream-data:/var/lib/nicecream", service["volumes"])
        self.assertIn("nicecream-data", EMBEDDED["volumes"])
        for name in ("PGHOST", "REDIS_HOST", "NICECREAM_CRAWLER"):
            self.assertNotIn(name, service["environment"])


class SmokeOverrides(unittest.TestCase):
    def test_every_service_uses_the_host_network_on_loopback(self):
        for name, overrides, base in (("stack", SMOKE_STACK, STACK), ("embedded", SMOKE_EMBEDDED, EMBEDDED)):
            for service in base["services"]:
                with self.subTest(file=name, service=service):
                    self.assertEqual("host", overrides["services"][service]["network_mode"])
        for service in ("migrations", "api", "crawler"):
            environment = SMOKE_STACK["services"][service]["environment"]
            self.assertEqual("127.0.0.1", environment["PGHOST"])
            self.assertEqual("127.0.0.1", environment["REDIS_HOST"])
        self.assertEqual("127.0.0.1", SMOKE_STACK["services"]["api"]["environment"]["API_HOST"])
        self.assertEqual("127.0.0.1", SMOKE_EMBEDDED["services"]["nicecream"]["environment"]["API_HOST"])


if __name__ == "__main__":
    unittest.main()
