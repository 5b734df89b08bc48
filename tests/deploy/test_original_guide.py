"""The Python original's deployment guide, run against our templates.

An operator who followed the original README (its `aws cloudformation
create-stack` commands) must be able to run the same commands against the
templates of the same name in deploy/aws/: every parameter the guide passes
is one the template declares, with a value it accepts; every parameter the
template requires is passed; a template that creates IAM resources is only
created with CAPABILITY_IAM; and every export that one of the original's
stacks imports from another exists here under the original's name, so stacks
built on those exports keep working.

The guide's create-stack blocks are kept in fixtures/original-guide.md, so
the tests run on a clean clone; ORIGINAL_GUIDE names the original README to
check against it instead. Without the file the tests fail, saying where they
looked.
"""

import os
import pathlib
import re
import shlex
import unittest

from test_templates import TEMPLATES, exports_of

ROOT = pathlib.Path(__file__).resolve().parents[2]
GUIDE = pathlib.Path(os.environ.get(
    "ORIGINAL_GUIDE", pathlib.Path(__file__).resolve().parent / "fixtures" / "original-guide.md"))

# Values for the guide's [PLACEHOLDERS], as an operator would fill them in;
# any other (stack names, the bucket) becomes its name in kebab case.
PLACEHOLDER_EXAMPLES = {
    "ENVIRONMENT_NAME": "production",
    "FALLBACK_EMAIL": "ops@example.com",
    "EMAIL": "alerts@example.com",
    "SUBNET_ZONE": "A",
    "EC2_KEY_NAME": "my-key",
    "IPv4_SSH_ALLOWED": "203.0.113.7",
    "DATABASE_USERNAME": "nicecream",
    "DATABASE_PASSWORD": "a-long-database-password",
    "DATABASE_NAME": "nicecream",
    "AWS_SSM_PREFIX": "nicecream/production",
    "SSL_CERTIFICATE_ARN": "arn:aws:acm:eu-west-1:123456789012:certificate/0d1f2c3b-4a5e-6f70-8192-a3b4c5d6e7f8",
    "REPOSITORY_NAME": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/nicecream-history",
}
# The one value the guide computes with a command: the members of an IAM group.
COMMAND_SUBSTITUTION_EXAMPLE = "arn:aws:iam::123456789012:user/ada,arn:aws:iam::123456789012:user/grace"

# What the original's stacks import from one another (read from its
# templates): {template: {parent parameter: exports of the parent's stack}}.
# Imports from stacks the guide never creates (bastion, zone, auth proxy)
# are left out.
ORIGINAL_IMPORTS = {
    "client-sg": {"ParentVPCStack": {"VPC"}},
    "vpc-nat-instance": {
        "ParentVPCStack": {"VPC", "CidrBlock", "SubnetAPublic", "SubnetBPublic",
                           "RouteTableAPrivate", "RouteTableBPrivate"},
        "ParentAlertStack": {"TopicARN"},
        "ParentClientStack": {"ClientSecurityGroup"},
    },
    "rds-postgres": {
        "ParentVPCStack": {"VPC", "SubnetsPrivate"},
        "ParentClientStack": {"ClientSecurityGroup"},
        "ParentAlertStack": {"TopicARN"},
    },
    "elasticache-redis": {
        "ParentVPCStack": {"VPC", "SubnetsPrivate"},
        "ParentClientStack": {"ClientSecurityGroup"},
        "ParentAlertStack": {"TopicARN"},
    },
    "ecs-cluster": {
        "ParentVPCStack": {"VPC", "SubnetsPublic", "SubnetsPrivate"},
        "ParentAlertStack": {"TopicARN"},
        "ParentClientStackOne": {"ClientSecurityGroup"},
        "ParentS3StackAccessLog": {"BucketName"},
    },
    "kms": {"ParentClusterStack": {"ECSTaskRoleARN"}},
    "ecs-task": {"ParentClusterStack": {"ECSTaskRole", "LogGroup"}},
    "ecs-service-worker": {
        "ParentClusterStack": {"Cluster", "ECSTaskRole", "LogGroup"},
        "ParentAlertStack": {"TopicARN"},
    },
    "ecs-service": {
        "ParentVPCStack": {"VPC"},
        "ParentClusterStack": {"Cluster", "ECSTaskRole", "LogGroup", "HttpsListener",
                               "LoadBalancerFullName", "DNSName", "URL",
                               "CanonicalHostedZoneID"},
        "ParentAlertStack": {"TopicARN"},
    },
}
# The stacks the original's outputs were exported from, by template, for
# people's own stacks built on them: {template: exports}.
ORIGINAL_EXPORTS = {
    "alert": {"TopicARN", "SlackLambdaName"},
    "client-sg": {"ClientSecurityGroup"},
    "ecs-cluster": {"Cluster", "LoadBalancerFullName", "HttpListener", "HttpsListener",
                    "CanonicalHostedZoneID", "SecurityGroup", "LogGroup", "DNSName", "URL",
                    "ECSTaskRole", "ECSTaskRoleARN"},
    "ecs-service": {"DNSName", "URL"},
    "elasticache-redis": {"ClusterName", "DNSName"},
    "kms": set(),
    "rds-postgres": {"InstanceName", "DNSName"},
    "s3": {"BucketName", "BucketDomainName", "CloudFrontOriginAccessIdentity"},
    "vpc-2azs": {"AZs", "AZA", "AZB", "ClassB", "CidrBlock", "VPC", "SubnetsPublic",
                 "SubnetsPrivate", "RouteTablesPrivate", "RouteTablesPublic", "SubnetAPublic",
                 "RouteTableAPublic", "SubnetAPrivate", "RouteTableAPrivate", "SubnetBPublic",
                 "RouteTableBPublic", "SubnetBPrivate", "RouteTableBPrivate"},
    "vpc-nat-instance": {"IPAddress"},
}
# Outputs without an export that the original's guide and scripts read.
ORIGINAL_PLAIN_OUTPUTS = {"ecs-task": {"TaskARN"}, "ecs-service": {"TargetGroup"}}

PLACEHOLDER = re.compile(r"\[([A-Za-z0-9_]+)\]")
COMMAND_SUBSTITUTION = re.compile(r"\$\((?:[^()]|\([^()]*\))*\)")


def guide_text():
    if not GUIDE.is_file():
        raise AssertionError(
            f"the original guide is not at {GUIDE}: set ORIGINAL_GUIDE to the original README")
    return GUIDE.read_text(encoding="utf-8")


def create_stack_commands(text):
    """Each create-stack command of the guide's bash blocks, as one line."""
    commands = []
    for block in re.findall(r"```bash\n(.*?)```", text, flags=re.S):
        joined = re.sub(r"\\\n", " ", block)
        commands += [line.strip() for line in joined.splitlines()
                     if line.strip().startswith("aws cloudformation create-stack")]
    return commands


def fill_in(text):
    """The command as an operator runs it: placeholders and $(...) filled in."""
    text = COMMAND_SUBSTITUTION.sub(COMMAND_SUBSTITUTION_EXAMPLE, text)
    def example(match):
        name = match.group(1)
        return PLACEHOLDER_EXAMPLES.get(name, name.lower().replace("_", "-"))
    return PLACEHOLDER.sub(example, text)


class Command:
    def __init__(self, line):
        words = shlex.split(fill_in(line))
        self.line = line
        self.template = None
        self.parameters = {}
        self.capabilities = set()
        position = 0
        while position < len(words):
            word = words[position]
            if word in ("--template-body", "--template-url"):
                self.template = re.search(r"([\w-]+)\.yaml$", words[position + 1]).group(1)
            elif word == "--capabilities":
                self.capabilities.add(words[position + 1])
            elif word.startswith("ParameterKey="):
                key, value = re.fullmatch(r"ParameterKey=([^,]+),ParameterValue=(.*)", word).groups()
                # The CLI's shorthand syntax: a value in double quotes may hold commas.
                self.parameters[key] = value[1:-1] if value[:1] == '"' == value[-1:] else value
            position += 1


def commands():
    return [Command(line) for line in create_stack_commands(guide_text())]


def accepted(definition, value):
    """Why CloudFormation would refuse `value` for a parameter, or None."""
    if "AllowedValues" in definition and value not in [str(v) for v in definition["AllowedValues"]]:
        return f"{value!r} is not one of {definition['AllowedValues']}"
    if "AllowedPattern" in definition and not re.fullmatch(definition["AllowedPattern"], value):
        return f"{value!r} does not match {definition['AllowedPattern']}"
    if definition["Type"] == "Number":
        try:
            number = float(value)
        except ValueError:
            return f"{value!r} is not a number"
        if number < definition.get("MinValue", number) or number > definition.get("MaxValue", number):
            return f"{value} is out of range"
    if not definition.get("MinLength", 0) <= len(value) <= definition.get("MaxLength", len(value)):
        return f"{value!r} has the wrong length"
    return None


def creates_iam(template):
    return any(body["Type"].startswith("AWS::IAM::") for body in template["Resources"].values())


class OriginalGuide(unittest.TestCase):
    def test_the_guide_has_every_create_stack_command(self):
        found = commands()
        self.assertEqual(15, len(found), [command.line for command in found])
        self.assertEqual(set(ORIGINAL_IMPORTS) | {"s3", "alert", "vpc-2azs"},
                         {command.template for command in found})

    def test_every_parameter_is_declared_and_its_value_accepted(self):
        for command in commands():
            declared = TEMPLATES[command.template]["Parameters"]
            for key, value in command.parameters.items():
                with self.subTest(template=command.template, parameter=key):
                    self.assertIn(key, declared, "the template does not take this parameter")
                    self.assertIsNone(accepted(declared[key], value))

    def test_every_required_parameter_is_passed(self):
        for command in commands():
            declared = TEMPLATES[command.template]["Parameters"]
            for key, definition in declared.items():
                if "Default" not in definition:
                    with self.subTest(template=command.template, parameter=key):
                        self.assertIn(key, command.parameters, "required, and the guide leaves it out")

    def test_iam_resources_come_only_with_the_capability(self):
        for command in commands():
            if creates_iam(TEMPLATES[command.template]):
                with self.subTest(template=command.template):
                    self.assertIn("CAPABILITY_IAM", command.capabilities)

    def test_the_originals_imports_find_our_exports(self):
        from test_templates import PARENT_TEMPLATES
        for template, parents in ORIGINAL_IMPORTS.items():
            for parameter, exports in parents.items():
                for export in sorted(exports):
                    with self.subTest(template=template, imports=f"${{{parameter}}}-{export}"):
                        self.assertIn(export, exports_of(PARENT_TEMPLATES[parameter]))

    def test_the_originals_outputs_keep_their_names(self):
        for template, exports in ORIGINAL_EXPORTS.items():
            for export in sorted(exports):
                with self.subTest(template=template, export=export):
                    self.assertIn(export, exports_of(template))
        for template, outputs in ORIGINAL_PLAIN_OUTPUTS.items():
            for output in outputs:
                with self.subTest(template=template, output=output):
                    self.assertIn(output, TEMPLATES[template]["Outputs"])


if __name__ == "__main__":
    unittest.main()
