"""A boto3 user's Lightsail flow against Skiff, run by cli-and-boto3.test.ts with Debian's
/usr/bin/python3 and python3-boto3.

    flow.py <endpoint> missing <name>     get_instance of a name that does not exist
    flow.py <endpoint> lifecycle <name>   create_instances -> get_instance -> stop_instance
                                          -> delete_instance -> get_instance (gone)

Credentials and region come from the environment (AWS_ACCESS_KEY_ID, AWS_DEFAULT_REGION ...).
Prints one JSON line per completed step on stdout; any failed expectation raises, so the
process exits non-zero with the reason on stderr.
"""
import json
import sys
import time

import boto3


def step(step_name, **observed):
    print(json.dumps({"step": step_name, **observed}, default=str), flush=True)


def expect_not_found(client, name):
    try:
        client.get_instance(instanceName=name)
    except client.exceptions.NotFoundException as e:
        assert e.response["code"] == "DoesNotExist", f"code is {e.response.get('code')!r}"
        return {"errorCode": e.response["Error"]["Code"], "code": e.response["code"], "message": e.response["Error"]["Message"]}
    raise AssertionError(f"get_instance({name!r}) succeeded; expected NotFoundException")


def wait_for_state(client, name, wanted, attempts=100):
    for _ in range(attempts):
        state = client.get_instance(instanceName=name)["instance"]["state"]["name"]
        if state == wanted:
            return
        time.sleep(0.05)
    raise AssertionError(f"instance {name} is {state}, not {wanted}, after {attempts} polls")


def lifecycle(client, name, zone):
    ops = client.create_instances(
        instanceNames=[name], availabilityZone=zone, blueprintId="amazon_linux_2023", bundleId="nano_3_0", userData=""
    )["operations"]
    step("create_instances", operationType=ops[0]["operationType"], status=ops[0]["status"], resourceName=ops[0]["resourceName"])

    wait_for_state(client, name, "running")
    instance = client.get_instance(instanceName=name)["instance"]
    step("get_instance", name=instance["name"], arn=instance["arn"], state=instance["state"], createdAt=instance["createdAt"].isoformat())

    ops = client.stop_instance(instanceName=name)["operations"]
    step("stop_instance", operationType=ops[0]["operationType"], status=ops[0]["status"])
    wait_for_state(client, name, "stopped")
    step("stopped", state=client.get_instance(instanceName=name)["instance"]["state"])

    ops = client.delete_instance(instanceName=name)["operations"]
    step("delete_instance", operationType=ops[0]["operationType"], status=ops[0]["status"])
    for _ in range(100):
        try:
            client.get_instance(instanceName=name)
        except client.exceptions.NotFoundException:
            break
        time.sleep(0.05)
    step("gone", **expect_not_found(client, name))


def main():
    endpoint, action, name = sys.argv[1:4]
    client = boto3.client("lightsail", endpoint_url=endpoint)
    if action == "missing":
        step("missing", **expect_not_found(client, name))
    elif action == "lifecycle":
        lifecycle(client, name, client.meta.region_name + "a")
    else:
        raise SystemExit(f"unknown action {action!r}")


if __name__ == "__main__":
    main()
