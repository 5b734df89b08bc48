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


# Compose's ${NAME:-default} and ${NAME} (the forms used here; nesting is not: Debian's
# docker-compose 1.29 does not support it).
VARIABLE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}$]*))?\}")


def interpolated(environment, dotenv):
    def value(match):
        name, default = match.group(1), match.group(2)
        return dotenv.get(name) or (default or "")
    return {key: VARIABLE.sub(value, str(text)) for key, text in environment.items()}


def dotenv_of(text):
    return dict(line.split("=", 1) for line in text.splitlines()
                if line.strip() and not line.lstrip().startswith("#"))


# The Python original's .env.sample, as its README describes it (its names and values).
ORIGINAL_DOTENV = {
    "API_DOCKER_IMAGE_NAME": "nicecream_history_api", "API_PORT_PUBLIC": "8080",
    "API_DEBUG": "True", "API_ENVIRONMENT": "development",
    "API_CORS_ALLOWED": "True", "API_CORS_ORIGIN": "http://spa.lvh.me:3000",
    "API_SESSION_COOKIE_SECRET_KEY": "", "API_SESSION_COOKIE_SECURE": "False",
    "API_SESSION_COOKIE_DOMAIN": ".lvh.me", "API_GOOGLE_CLIENT_ID": "", "API_GOOGLE_CLIENT_SECRET": "",
    "API_GOOGLE_REDIRECT_URL": "http://api.lvh.me:8080/user/google/callback",
    "API_CSRF_COOKIE_SECURE": "False", "API_CSRF_COOKIE_DOMAIN": ".lvh.me",
    "SPA_URL": "http://spa.lvh.me:3000",
    "PGHOST": "postgres", "PGPORT": "5432", "PGDATABASE": "nicecream", "PGUSER": "nicecream",
    "PGPASSWORD": "nicecream", "REDIS_HOST": "redis", "REDIS_PORT": "6379", "REDIS_DB": "0",
}


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

    def test_api_is_healthy_once_ready(self):
        self.assertEqual(["CMD", "/usr/local/lib/nicecream/healthcheck.sh", "ready"],
                         self.services["api"]["healthcheck"]["test"])

    def test_migration_runs_once(self):
        self.assertEqual("no", self.services["migrations"]["restart"])

    def test_roles_use_postgres_and_redis(self):
        for name in ("migrations", "api", "crawler"):
            environment = interpolated(self.services[name]["environment"], {})
            with self.subTest(service=name):
                self.assertEqual("postgres", environment["PGHOST"])
                self.assertEqual("redis", environment["REDIS_HOST"])

    def test_nobody_sleeps(self):
        text = (ROOT / "docker-compose.yml").read_text(encoding="utf-8")
        self.assertIsNone(re.search(r"\bsleep\b", text))


class OriginalSettings(unittest.TestCase):
    """The original's variable names reach the services, and its .env works unchanged."""

    services = STACK["services"]

    def roles(self, dotenv):
        return {name: interpolated(self.services[name]["environment"], dotenv)
                for name in ("migrations", "api", "crawler")}

    def test_no_nested_defaults(self):
        text = (ROOT / "docker-compose.yml").read_text(encoding="utf-8")
        self.assertIsNone(re.search(r"\$\{[^}]*\$\{", text), "docker-compose 1.29 cannot nest")

    def test_pg_names_set_the_database_and_the_services_alike(self):
        dotenv = {"PGUSER": "ada", "PGPASSWORD": "secret", "PGDATABASE": "history"}
        database = interpolated(self.services["postgres"]["environment"], dotenv)
        self.assertEqual({"POSTGRES_USER": "ada", "POSTGRES_PASSWORD": "secret", "POSTGRES_DB": "history"},
                         database)
        for name, environment in self.roles(dotenv).items():
            with self.subTest(service=name):
                self.assertEqual(("ada", "secret", "history"),
                                 (environment["PGUSER"], environment["PGPASSWORD"], environment["PGDATABASE"]))

    def test_database_url_debug_and_environment_pass(self):
        dotenv = {"DATABASE_URL": "postgresql://a:b@db.example:5432/h", "API_DEBUG": "True",
                  "API_ENVIRONMENT": "production", "REDIS_CHANNEL": "items"}
        for name, environment in self.roles(dotenv).items():
            with self.subTest(service=name):
                for key, value in dotenv.items():
                    self.assertEqual(value, environment[key])
        embedded = interpolated(EMBEDDED["services"]["nicecream"]["environment"], dotenv)
        self.assertEqual("True", embedded["API_DEBUG"])
        self.assertEqual("production", embedded["API_ENVIRONMENT"])

    def test_the_originals_dotenv_works_unchanged(self):
        for name, environment in self.roles(ORIGINAL_DOTENV).items():
            with self.subTest(service=name):
                self.assertEqual("postgres", environment["PGHOST"])
                self.assertEqual("nicecream", environment["PGUSER"])
                self.assertEqual("redis", environment["REDIS_HOST"])
                self.assertEqual("0", environment["REDIS_DB"])
                for key in ("SPA_URL", "API_DEBUG", "API_ENVIRONMENT", "API_CORS_ALLOWED", "API_CORS_ORIGIN",
                            "API_SESSION_COOKIE_DOMAIN", "API_GOOGLE_REDIRECT_URL", "API_CSRF_COOKIE_SECURE"):
                    self.assertEqual(ORIGINAL_DOTENV[key], environment[key], key)

    def test_our_sample_uses_the_same_names(self):
        ours = dotenv_of((ROOT / ".env.sample").read_text(encoding="utf-8"))
        for key in ("PGHOST", "PGUSER", "PGPASSWORD", "PGDATABASE", "DATABASE_URL", "API_DEBUG",
                    "API_ENVIRONMENT", "REDIS_CHANNEL"):
            self.assertIn(key, ours)
        compose_text = (ROOT / "docker-compose.yml").read_text(encoding="utf-8")
        for key in ours:
            with self.subTest(variable=key):
                used = re.search(r"\$\{%s(:-|\})" % key, compose_text) or key in ("PGPORT",)
                self.assertTrue(used, f"{key} in .env.sample is not read by docker-compose.yml")


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
