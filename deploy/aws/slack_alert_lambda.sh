#!/usr/bin/env bash
# Points the alert stack's Slack function at a Slack incoming webhook.
#
# usage: slack_alert_lambda.sh FUNCTION_NAME
#   FUNCTION_NAME: the alert stack's SlackFunctionName output.
#   The webhook URL is read from SLACK_WEBHOOK_URL, or asked for without
#   echoing it. It is handed to the AWS CLI on standard input, so it shows
#   neither in the process list nor in CloudFormation.
set -euo pipefail

if [[ $# -ne 1 ]]; then
  echo "usage: $0 FUNCTION_NAME   (webhook from SLACK_WEBHOOK_URL or a prompt)" >&2
  exit 2
fi
function_name="$1"

webhook="${SLACK_WEBHOOK_URL:-}"
if [[ -z "$webhook" ]]; then
  read -r -s -p "Slack incoming webhook URL: " webhook
  echo >&2
fi
if [[ "$webhook" != https://* ]]; then
  echo "the webhook URL must start with https://" >&2
  exit 2
fi

environment_name="$(aws lambda get-function-configuration \
  --function-name "$function_name" \
  --query 'Environment.Variables.ENVIRONMENT_NAME' --output text)"

FUNCTION_NAME="$function_name" ENVIRONMENT_NAME="$environment_name" WEBHOOK="$webhook" \
  python3 -c '
import json, os
print(json.dumps({
    "FunctionName": os.environ["FUNCTION_NAME"],
    "Environment": {"Variables": {
        "SLACK_WEBHOOK_URL": os.environ["WEBHOOK"],
        "ENVIRONMENT_NAME": "" if os.environ["ENVIRONMENT_NAME"] == "None" else os.environ["ENVIRONMENT_NAME"],
    }},
}))' |
  aws lambda update-function-configuration --cli-input-json file:///dev/stdin \
    --query 'FunctionName' --output text >/dev/null

echo "Slack webhook set on $function_name; send a test with:"
echo "  aws sns publish --topic-arn <TopicARN> --subject test --message 'hello from nicecream'"
