"""Loads CloudFormation YAML templates with PyYAML (Debian's python3-yaml).

The short-form tags (!Ref, !Sub, !GetAtt, ...) become the long form that
CloudFormation itself sees ({"Ref": ...}, {"Fn::Sub": ...}), so checks can
walk one shape only.
"""

import pathlib

import yaml

TEMPLATES_DIR = pathlib.Path(__file__).resolve().parents[2] / "deploy" / "aws"

_FUNCTIONS = {
    "Ref": "Ref",
    "Condition": "Condition",
    "Base64": "Fn::Base64",
    "Cidr": "Fn::Cidr",
    "FindInMap": "Fn::FindInMap",
    "GetAtt": "Fn::GetAtt",
    "GetAZs": "Fn::GetAZs",
    "ImportValue": "Fn::ImportValue",
    "Join": "Fn::Join",
    "Select": "Fn::Select",
    "Split": "Fn::Split",
    "Sub": "Fn::Sub",
    "Transform": "Fn::Transform",
    "And": "Fn::And",
    "Equals": "Fn::Equals",
    "If": "Fn::If",
    "Not": "Fn::Not",
    "Or": "Fn::Or",
}


class TemplateLoader(yaml.SafeLoader):
    """A safe loader that also understands CloudFormation's tags."""


def _constructor(long_name):
    def construct(loader, node):
        if isinstance(node, yaml.ScalarNode):
            value = loader.construct_scalar(node)
            if long_name == "Fn::GetAtt":
                resource, _, attribute = value.partition(".")
                value = [resource, attribute]
        elif isinstance(node, yaml.SequenceNode):
            value = loader.construct_sequence(node, deep=True)
        else:
            value = loader.construct_mapping(node, deep=True)
        return {long_name: value}

    return construct


for _short, _long in _FUNCTIONS.items():
    TemplateLoader.add_constructor("!" + _short, _constructor(_long))


def load(path):
    with open(path, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=TemplateLoader)


def template_paths():
    return sorted(TEMPLATES_DIR.glob("*.yaml"))
