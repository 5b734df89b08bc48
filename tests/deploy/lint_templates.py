"""Runs the CloudFormation linter (npm cfn-lint, pinned in package.json) on
every template in deploy/aws/, with parameters and imported values that
make each template resolve the way it would in a real deployment.

usage: lint_templates.py   (after `npm ci` in tests/deploy/)
Exits non-zero if any template has a critical finding or a warning.

About the linter: it knows the CloudFormation resource specification of
its day (2019), so the templates keep to properties that existed then
(all still valid). It renders `!Sub '${Param}-Name'` as '${value}-Name'
when it resolves an import, so every imported value is offered under
both spellings. And it cannot follow an Fn::If whose chosen branch is an
imported value, so optional parent stacks (empty by default) stay empty
here; test_templates.py checks those imports against the parents' exports.
"""

import pathlib
import re
import subprocess
import sys

import cfn_yaml

HERE = pathlib.Path(__file__).resolve().parent
LINTER = HERE / "node_modules" / "cfn-lint" / "lib" / "index.js"
ANSI = re.compile(r"\x1b\[[0-9;]*m")

# Stack names the Parent*Stack parameters point at during the lint.
PARENT_STACKS = {
    "ParentVPCStack": ("vpc", "vpc-2azs"),
    "ParentClientStack": ("client", "client-sg"),
    "ParentClientStackOne": ("client", "client-sg"),
    "ParentAlertStack": ("alert", "alert"),
    "ParentClusterStack": ("cluster", "ecs-cluster"),
    "ParentS3StackAccessLog": ("accesslog", "s3"),
    "ParentKmsStack": ("kms", "kms"),
}

# Values for parameters that have no default, or whose default would leave
# optional parts out of the lint.
PARAMETER_VALUES = {
    "EnvironmentName": "test",
    "FallbackEmail": "ops@example.com",
    "Email": "ops@example.com",
    "SSMParametersPrefix": "/nicecream/test",
    "Image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/nicecream-history:latest",
    "LoadBalancerCertificateArn": "arn:aws:acm:us-east-1:123456789012:certificate/0d1f2c3b-4a5e-6f70-8192-a3b4c5d6e7f8",
    "CertificateArn": "arn:aws:acm:us-east-1:123456789012:certificate/0d1f2c3b-4a5e-6f70-8192-a3b4c5d6e7f8",
    "DomainName": "nh.example.com",
    "LoadBalancerHostPattern": "api.example.com",
    "Administrators": "arn:aws:iam::123456789012:user/admin",
    "DBMasterUserPassword": "not-a-real-password",
    "KeyName": "nicecream",
    "SSHAccessCidrIp": "203.0.113.7/32",
}

EXPORT_VALUES = [
    (re.compile(r"TopicARN$"), "arn:aws:sns:us-east-1:123456789012:nicecream-alert"),
    (re.compile(r"KeyArn$"), "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"),
    (re.compile(r"BucketArn$"), "arn:aws:s3:::nicecream-bucket"),
    (re.compile(r"ClusterArn$"), "arn:aws:ecs:us-east-1:123456789012:cluster/nicecream"),
    (re.compile(r"RoleARN$"), "arn:aws:iam::123456789012:role/nicecream-ecs-task"),
    (re.compile(r"Listener$"),
     "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/nicecream/50dc6c495c0c9188/f2f7dc8efc522ab2"),
    (re.compile(r"TargetGroupArn$"),
     "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/nicecream/73e2d6bc24d8a067"),
    (re.compile(r"^VPC$"), "vpc-0a1b2c3d4e5f60718"),
    (re.compile(r"^Subnets?"), "subnet-0a1b2c3d4e5f60718"),
    (re.compile(r"SecurityGroup$"), "sg-0a1b2c3d4e5f60718"),
    (re.compile(r"^RouteTable"), "rtb-0a1b2c3d4e5f60718"),
    (re.compile(r"CidrBlock$"), "10.0.0.0/16"),
]


def export_value(export):
    for pattern, value in EXPORT_VALUES:
        if pattern.search(export):
            return value
    return "nicecream-" + export.lower()


def exports_of(template):
    return [name for name, body in template.get("Outputs", {}).items() if "Export" in body]


def import_values(templates):
    values = []
    for stack, template_name in set(PARENT_STACKS.values()):
        for export in exports_of(templates[template_name]):
            value = export_value(export)
            values += [f"{stack}-{export}={value}", "${%s}-%s=%s" % (stack, export, value)]
    return ",".join(values)


def parameters_for(template):
    values = []
    for name, definition in template.get("Parameters", {}).items():
        if name in PARENT_STACKS and definition.get("Default") == "":
            continue
        if name in PARENT_STACKS:
            values.append(f"{name}={PARENT_STACKS[name][0]}")
        elif name in PARAMETER_VALUES:
            values.append(f"{name}={PARAMETER_VALUES[name]}")
    return ",".join(values)


def lint(path, template, imports):
    command = ["node", str(LINTER), "validate", str(path), "--import-values", imports]
    parameters = parameters_for(template)
    if parameters:
        command += ["--parameters", parameters]
    result = subprocess.run(command, capture_output=True, text=True)
    output = ANSI.sub("", result.stdout + result.stderr)
    clean = result.returncode == 0 and "0 warn" in output and "0 crit" in output
    return clean, output


def main():
    if not LINTER.exists():
        sys.exit(f"{LINTER} is missing: run `npm ci` in {HERE}")
    paths = cfn_yaml.template_paths()
    templates = {path.stem: cfn_yaml.load(path) for path in paths}
    imports = import_values(templates)
    failed = 0
    for path in paths:
        clean, output = lint(path, templates[path.stem], imports)
        print(f"cfn-lint {path.name}: {'ok' if clean else 'FAILED'}")
        if not clean:
            failed += 1
            print("\n".join(output.splitlines()[:60]))
    print(f"cfn-lint: {len(paths) - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
