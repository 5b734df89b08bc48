"""Structure of the CloudFormation templates in deploy/aws/.

Every template parses, every reference inside it points at something that
exists, and every cross-stack import names an export that the parent
stack's template really makes (the Parent*Stack chain of the guide).
Then the behaviours the deployment guide promises are pinned down.
"""

import itertools
import re
import unittest

import cfn_yaml

PSEUDO_PARAMETERS = {
    "AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue", "AWS::Partition",
    "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix",
}

# Which template makes the stack that each Parent*Stack parameter names.
PARENT_TEMPLATES = {
    "ParentVPCStack": "vpc-2azs",
    "ParentClientStack": "client-sg",
    "ParentClientStackOne": "client-sg",
    "ParentAlertStack": "alert",
    "ParentClusterStack": "ecs-cluster",
    "ParentS3StackAccessLog": "s3",
    "ParentKmsStack": "kms",
}

# Parents that are not stacks of deploy/aws, with the exports the templates
# rely on: a Route 53 zone stack, as cloudonaut's vpc/zone-public.yaml makes
# (the original's optional DNS records).
EXTERNAL_PARENT_EXPORTS = {
    "ParentZoneStack": {"HostedZoneId", "HostedZoneName"},
}

EXPECTED_TEMPLATES = {
    "s3", "alert", "vpc-2azs", "client-sg", "vpc-nat-instance", "rds-postgres",
    "elasticache-redis", "ecs-cluster", "kms", "ecs-task", "ecs-service-worker",
    "ecs-service", "static-website",
}

SUB_VARIABLE = re.compile(r"\$\{([^!}][^}]*)\}")


def load_all():
    return {path.stem: cfn_yaml.load(path) for path in cfn_yaml.template_paths()}


TEMPLATES = load_all()


def walk(node):
    """Yields every dict and list inside node, node included."""
    yield node
    if isinstance(node, dict):
        for value in node.values():
            yield from walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from walk(value)


def functions(node, name):
    """Arguments of every use of one intrinsic function inside node."""
    for item in walk(node):
        if isinstance(item, dict) and len(item) == 1 and name in item:
            yield item[name]


def possible_strings(node, template):
    """Every string an expression can become, with Parent*Stack parameters
    left as ${Name} and parameters with AllowedValues expanded."""
    parameters = template.get("Parameters", {})
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict) and "Ref" in node:
        name = node["Ref"]
        allowed = parameters.get(name, {}).get("AllowedValues")
        return [str(value) for value in allowed] if allowed else ["${%s}" % name]
    if isinstance(node, dict) and "Fn::If" in node:
        _, when_true, when_false = node["Fn::If"]
        return possible_strings(when_true, template) + possible_strings(when_false, template)
    if isinstance(node, dict) and "Fn::Join" in node:
        delimiter, parts = node["Fn::Join"]
        choices = [possible_strings(part, template) for part in parts]
        return [delimiter.join(combination) for combination in itertools.product(*choices)]
    if isinstance(node, dict) and "Fn::Sub" in node:
        argument = node["Fn::Sub"]
        text, variables = (argument, {}) if isinstance(argument, str) else argument
        results = [text]
        for name in set(SUB_VARIABLE.findall(text)):
            if name in variables:
                values = possible_strings(variables[name], template)
            else:
                values = possible_strings({"Ref": name}, template)
            results = [r.replace("${%s}" % name, v) for r in results for v in values]
        return results
    raise AssertionError(f"cannot follow {node!r}")


class EveryTemplate(unittest.TestCase):
    def test_the_guide_has_a_template_for_every_stack(self):
        self.assertEqual(EXPECTED_TEMPLATES, set(TEMPLATES))

    def test_header(self):
        for name, template in TEMPLATES.items():
            with self.subTest(template=name):
                self.assertEqual("2010-09-09", template.get("AWSTemplateFormatVersion"))
                self.assertTrue(template.get("Description"))
                self.assertTrue(template.get("Resources"))

    def test_parameters_are_described_and_used(self):
        for name, template in TEMPLATES.items():
            used = {ref for ref in functions(template.get("Resources", {}), "Ref")}
            used |= {ref for ref in functions(template.get("Conditions", {}), "Ref")}
            used |= {ref for ref in functions(template.get("Outputs", {}), "Ref")}
            for sub in functions(template, "Fn::Sub"):
                text = sub if isinstance(sub, str) else sub[0]
                used |= {variable.split(".")[0] for variable in SUB_VARIABLE.findall(text)}
            for parameter, definition in template.get("Parameters", {}).items():
                with self.subTest(template=name, parameter=parameter):
                    self.assertIn("Type", definition)
                    self.assertTrue(definition.get("Description"))
                    self.assertIn(parameter, used, "declared but never used")

    def test_references_point_at_something(self):
        for name, template in TEMPLATES.items():
            known = set(template.get("Parameters", {})) | set(template["Resources"]) | PSEUDO_PARAMETERS
            resources = set(template["Resources"])
            for ref in functions(template, "Ref"):
                with self.subTest(template=name, ref=ref):
                    self.assertIn(ref, known)
            for resource, _attribute in functions(template, "Fn::GetAtt"):
                with self.subTest(template=name, get_att=resource):
                    self.assertIn(resource, resources)

    def test_sub_variables_resolve(self):
        for name, template in TEMPLATES.items():
            known = set(template.get("Parameters", {})) | set(template["Resources"]) | PSEUDO_PARAMETERS
            for sub in functions(template, "Fn::Sub"):
                text, variables = (sub, {}) if isinstance(sub, str) else sub
                for variable in SUB_VARIABLE.findall(text):
                    with self.subTest(template=name, variable=variable):
                        head = variable if variable.startswith("AWS::") else variable.split(".")[0]
                        self.assertTrue(head in variables or head in known, f"${{{variable}}} unknown")

    def test_conditions_are_defined(self):
        for name, template in TEMPLATES.items():
            defined = set(template.get("Conditions", {}))
            used = [body.get("Condition") for body in template["Resources"].values()]
            used += [body.get("Condition") for body in template.get("Outputs", {}).values()]
            used += [arguments[0] for arguments in functions(template, "Fn::If")]
            used += list(functions(template, "Condition"))
            for condition in filter(None, used):
                with self.subTest(template=name, condition=condition):
                    self.assertIn(condition, defined)

    def test_exports_are_named_after_the_stack(self):
        for name, template in TEMPLATES.items():
            for output, body in template.get("Outputs", {}).items():
                if "Export" in body:
                    with self.subTest(template=name, output=output):
                        self.assertEqual({"Fn::Sub": "${AWS::StackName}-%s" % output}, body["Export"]["Name"])


def exports_of(template_name):
    return {output for output, body in TEMPLATES[template_name].get("Outputs", {}).items() if "Export" in body}


class StacksChain(unittest.TestCase):
    def test_every_import_names_an_export_of_its_parent(self):
        checked = 0
        for name, template in TEMPLATES.items():
            for imported in functions(template, "Fn::ImportValue"):
                for import_name in possible_strings(imported, template):
                    with self.subTest(template=name, imports=import_name):
                        match = re.fullmatch(r"\$\{(Parent\w+)\}-(\w+)", import_name)
                        self.assertIsNotNone(match, "imports must read ${Parent*Stack}-<Export>")
                        parameter, export = match.groups()
                        self.assertIn(parameter, template["Parameters"])
                        if parameter in EXTERNAL_PARENT_EXPORTS:
                            self.assertIn(export, EXTERNAL_PARENT_EXPORTS[parameter])
                            continue
                        self.assertIn(parameter, PARENT_TEMPLATES, "unknown kind of parent stack")
                        self.assertIn(export, exports_of(PARENT_TEMPLATES[parameter]))
                        checked += 1
        self.assertGreater(checked, 50)

    def test_optional_parents_are_guarded(self):
        # A parent with an empty default may be left out: every import from
        # it must then sit in a resource or branch that its condition skips.
        for name, template in TEMPLATES.items():
            for parameter, definition in template.get("Parameters", {}).items():
                if parameter.startswith("Parent") and definition.get("Default") == "":
                    with self.subTest(template=name, parameter=parameter):
                        condition = [
                            key for key, body in template["Conditions"].items()
                            if body == {"Fn::Not": [{"Fn::Equals": [{"Ref": parameter}, ""]}]}
                        ]
                        self.assertTrue(condition, f"no Has-condition for {parameter}")


def resource(template_name, logical_id):
    return TEMPLATES[template_name]["Resources"][logical_id]


def container(template_name):
    return resource(template_name, "TaskDefinition")["Properties"]["ContainerDefinitions"][0]


def environment(template_name):
    return {item["Name"]: item["Value"] for item in container(template_name)["Environment"]}


class PromisedBehaviour(unittest.TestCase):
    def test_every_task_loads_its_settings_from_ssm(self):
        # The one-off task runs as the cluster's shared role (no IAM resource of its own, so the
        # original guide's create-stack, without CAPABILITY_IAM, works); the cluster lets it read
        # its prefix.
        self.assertEqual({"Ref": "SSMParametersPrefix"}, environment("ecs-task")["AWS_SSM_PREFIX"])
        self.assertEqual({"Fn::ImportValue": {"Fn::Sub": "${ParentClusterStack}-ECSTaskRoleARN"}},
                         resource("ecs-task", "TaskDefinition")["Properties"]["TaskRoleArn"])
        policy = resource("ecs-cluster", "ECSTaskRoleSSMPolicy")["Properties"]["PolicyDocument"]
        self.assertIn("ssm:GetParametersByPath", policy["Statement"][0]["Action"])
        for name in ("ecs-service", "ecs-service-worker"):
            with self.subTest(template=name):
                self.assertEqual({"Ref": "SSMParametersPrefix"}, environment(name)["AWS_SSM_PREFIX"])
                policy = resource(name, "TaskRole")["Properties"]["Policies"][0]["PolicyDocument"]
                self.assertIn("ssm:GetParametersByPath", policy["Statement"][0]["Action"])
                # Decrypting only through SSM: with the kms stack its key alone, without it (the
                # original guide) any key, but only for the parameters the role may read.
                kms = resource(name, "KmsDecryptPolicy")["Properties"]["PolicyDocument"]["Statement"][0]
                self.assertEqual({"Fn::Sub": "ssm.${AWS::Region}.amazonaws.com"},
                                 kms["Condition"]["StringEquals"]["kms:ViaService"])
                self.assertEqual("HasKms", kms["Resource"]["Fn::If"][0])

    def test_commands_default_to_each_role(self):
        defaults = {"ecs-task": "migrate", "ecs-service": "serve", "ecs-service-worker": "crawl"}
        for name, command in defaults.items():
            with self.subTest(template=name):
                self.assertEqual(command, TEMPLATES[name]["Parameters"]["Command"]["Default"])
                self.assertEqual({"Ref": "Command"}, container(name)["Command"])

    def test_api_service_leaves_crawling_to_the_worker(self):
        self.assertEqual("false", environment("ecs-service")["NICECREAM_CRAWLER"])

    def test_api_is_health_checked_on_readiness(self):
        self.assertEqual("readyz", TEMPLATES["ecs-service"]["Parameters"]["HealthCheckPath"]["Default"])
        target_group = resource("ecs-service", "TargetGroup")["Properties"]
        self.assertEqual({"Fn::Sub": "/${HealthCheckPath}"}, target_group["HealthCheckPath"])
        self.assertEqual({"HttpCode": "200"}, target_group["Matcher"])
        self.assertEqual(8080, container("ecs-service")["PortMappings"][0]["ContainerPort"])

    def test_one_crawler_unless_leases(self):
        worker = TEMPLATES["ecs-service-worker"]
        self.assertEqual({"Fn::Equals": [{"Ref": "CrawlerLeases"}, "true"]}, worker["Conditions"]["HasLeases"])
        self.assertEqual("false", worker["Parameters"]["CrawlerLeases"]["Default"])
        service = resource("ecs-service-worker", "Service")["Properties"]
        self.assertEqual({"Fn::If": ["HasLeases", {"Ref": "DesiredCount"}, 1]}, service["DesiredCount"])
        # Never two crawlers during a deployment either.
        deployment = service["DeploymentConfiguration"]
        self.assertEqual({"Fn::If": ["HasLeases", 200, 100]}, deployment["MaximumPercent"])
        self.assertEqual({"Fn::If": ["HasLeases", 100, 0]}, deployment["MinimumHealthyPercent"])
        for scaling in ("ScalableTarget", "CPUScalingPolicy"):
            self.assertEqual("HasLeases", resource("ecs-service-worker", scaling)["Condition"])

    def test_https_listener_uses_the_certificate(self):
        listener = resource("ecs-cluster", "HttpsListener")
        self.assertEqual("HasCertificate", listener["Condition"])
        self.assertEqual([{"CertificateArn": {"Ref": "LoadBalancerCertificateArn"}}],
                         listener["Properties"]["Certificates"])
        redirect = resource("ecs-cluster", "HttpRedirectListener")["Properties"]["DefaultActions"][0]
        self.assertEqual("HTTPS", redirect["RedirectConfig"]["Protocol"])

    def test_cluster_scales_on_schedulable_containers(self):
        for alarm, policy in (("ContainerShortageAlarm", "ScaleUpPolicy"),
                              ("ContainerExcessAlarm", "ScaleDownPolicy")):
            with self.subTest(alarm=alarm):
                properties = resource("ecs-cluster", alarm)["Properties"]
                self.assertEqual("SchedulableContainers", properties["MetricName"])
                self.assertEqual([{"Ref": policy}], properties["AlarmActions"])

    def test_secrets_are_not_echoed(self):
        self.assertTrue(TEMPLATES["rds-postgres"]["Parameters"]["DBMasterUserPassword"]["NoEcho"])

    def test_databases_admit_only_the_client_group(self):
        for name, group in (("rds-postgres", "DatabaseSecurityGroup"), ("elasticache-redis", "CacheSecurityGroup")):
            with self.subTest(template=name):
                rules = resource(name, group)["Properties"]["SecurityGroupIngress"]
                self.assertEqual(1, len(rules))
                self.assertEqual({"Fn::ImportValue": {"Fn::Sub": "${ParentClientStack}-ClientSecurityGroup"}},
                                 rules[0]["SourceSecurityGroupId"])

    def test_nat_instance_routes_per_zone_or_per_vpc(self):
        conditions = TEMPLATES["vpc-nat-instance"]["Conditions"]
        self.assertEqual(["", "A", "B"], TEMPLATES["vpc-nat-instance"]["Parameters"]["SubnetZone"]["AllowedValues"])
        self.assertEqual("RoutesZoneA", resource("vpc-nat-instance", "RouteAPrivateInternet")["Condition"])
        self.assertEqual("RoutesZoneB", resource("vpc-nat-instance", "RouteBPrivateInternet")["Condition"])
        self.assertEqual({"Fn::Not": [{"Fn::Equals": [{"Ref": "SubnetZone"}, "B"]}]}, conditions["RoutesZoneA"])
        self.assertEqual({"Fn::Not": [{"Fn::Equals": [{"Ref": "SubnetZone"}, "A"]}]}, conditions["RoutesZoneB"])
        self.assertFalse(resource("vpc-nat-instance", "Instance")["Properties"]["SourceDestCheck"])

    def test_instances_are_drained_before_termination(self):
        hook = resource("ecs-cluster", "TerminatingLifecycleHook")["Properties"]
        self.assertEqual("autoscaling:EC2_INSTANCE_TERMINATING", hook["LifecycleTransition"])
        self.assertEqual({"Ref": "AutoScalingGroup"}, hook["AutoScalingGroupName"])
        self.assertEqual({"Ref": "DrainingTimeoutInSeconds"}, hook["HeartbeatTimeout"])
        self.assertEqual({"Ref": "DrainTopic"}, hook["NotificationTargetARN"])
        subscription = resource("ecs-cluster", "DrainSubscription")["Properties"]
        self.assertEqual({"Fn::GetAtt": ["DrainFunction", "Arn"]}, subscription["Endpoint"])
        function = resource("ecs-cluster", "DrainFunction")["Properties"]
        code = function["Code"]["ZipFile"]
        for call in ("update_container_instances_state", 'status="DRAINING"', "runningTasksCount",
                     "complete_lifecycle_action"):
            self.assertIn(call, code)
        # The function outlives the longest wait it may be asked for.
        self.assertLessEqual(TEMPLATES["ecs-cluster"]["Parameters"]["DrainingTimeoutInSeconds"]["MaxValue"],
                             function["Timeout"] - 30)

    def test_every_subnet_has_a_network_acl(self):
        for zone in "AB":
            for tier in ("Public", "Private"):
                with self.subTest(subnet=zone + tier):
                    association = resource("vpc-2azs", f"SubnetNetworkAclAssociation{zone}{tier}")["Properties"]
                    self.assertEqual({"Ref": f"Subnet{zone}{tier}"}, association["SubnetId"])
                    self.assertEqual({"Ref": f"NetworkAcl{tier}"}, association["NetworkAclId"])

    def test_the_originals_alarms_are_there(self):
        alarms = {
            "rds-postgres": {"BurstBalance", "CPUUtilization", "CPUCreditBalance", "DiskQueueDepth",
                             "FreeableMemory", "FreeStorageSpace", "SwapUsage"},
            "elasticache-redis": {"EngineCPUUtilization", "SwapUsage", "Evictions"},
            "ecs-cluster": {"HTTPCode_ELB_5XX_Count", "HTTPCode_Target_5XX_Count", "RejectedConnectionCount",
                            "TargetConnectionErrorCount", "CPUReservation", "CPUUtilization",
                            "MemoryReservation", "MemoryUtilization", "Errors", "Throttles",
                            "FailedInvocations"},
            "ecs-service": {"HTTPCode_Target_5XX_Count", "TargetConnectionErrorCount", "CPUUtilization"},
        }
        for name, metrics in alarms.items():
            found = {body["Properties"]["MetricName"] for body in TEMPLATES[name]["Resources"].values()
                     if body["Type"] == "AWS::CloudWatch::Alarm"}
            with self.subTest(template=name):
                self.assertLessEqual(metrics, found)

    def test_dns_records_are_optional(self):
        for name in ("rds-postgres", "elasticache-redis", "vpc-nat-instance", "ecs-service"):
            with self.subTest(template=name):
                self.assertEqual("", TEMPLATES[name]["Parameters"]["ParentZoneStack"]["Default"])
                self.assertEqual("HasZone", resource(name, "RecordSet")["Condition"])

    def test_buckets_for_cloudfront_and_with_kms(self):
        parameters = TEMPLATES["s3"]["Parameters"]
        self.assertIn("CloudFrontRead", parameters["Access"]["AllowedValues"])
        self.assertEqual("IsCloudFrontRead", resource("s3", "CloudFrontOriginAccessIdentity")["Condition"])
        self.assertEqual("false", parameters["Encryption"]["Default"])
        rule = resource("s3", "Bucket")["Properties"]["BucketEncryption"]["ServerSideEncryptionConfiguration"][0]
        self.assertEqual({"Fn::If": ["HasKmsEncryption", "aws:kms", "AES256"]},
                         rule["ServerSideEncryptionByDefault"]["SSEAlgorithm"])


if __name__ == "__main__":
    unittest.main()
