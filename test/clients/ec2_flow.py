"""boto3 against Skiff's EC2: run_instances -> create_snapshots -> snapshot_completed waiter ->
describe_snapshots -> create_volume -> delete_snapshot. Prints one JSON object of what it saw;
any AWS error or failed check ends it with a non-zero status. Usage: ec2_flow.py <endpoint>"""
import json
import sys

import boto3
from botocore.exceptions import ClientError

FAST = {"Delay": 0.05, "MaxAttempts": 200}


def main(endpoint):
    ec2 = boto3.client(
        "ec2", endpoint_url=endpoint, region_name="us-east-1",
        aws_access_key_id="test", aws_secret_access_key="test",
    )
    seen = {}
    image = ec2.describe_images(Owners=["amazon"], Filters=[{"Name": "name", "Values": ["al2023-ami-*-x86_64"]}])["Images"][0]
    reservation = ec2.run_instances(
        ImageId=image["ImageId"], InstanceType="t3.micro", MinCount=1, MaxCount=1,
        BlockDeviceMappings=[{"DeviceName": "/dev/sdf", "Ebs": {"VolumeSize": 10, "VolumeType": "gp3"}}],
        TagSpecifications=[{"ResourceType": "volume", "Tags": [{"Key": "app", "Value": "db"}]}],
    )
    instance_id = reservation["Instances"][0]["InstanceId"]
    ec2.get_waiter("instance_running").wait(InstanceIds=[instance_id], WaiterConfig=FAST)
    seen["instance"] = instance_id

    try:
        ec2.create_snapshots(InstanceSpecification={"InstanceId": instance_id}, DryRun=True)
        raise SystemExit("DryRun did not raise")
    except ClientError as e:
        seen["dry_run"] = [e.response["Error"]["Code"], e.response["ResponseMetadata"]["HTTPStatusCode"]]

    created = ec2.create_snapshots(
        InstanceSpecification={"InstanceId": instance_id, "ExcludeBootVolume": False},
        Description="boto3 set",
        TagSpecifications=[{"ResourceType": "snapshot", "Tags": [{"Key": "set", "Value": "b1"}]}],
        CopyTagsFromSource="volume",
    )["Snapshots"]
    snapshot_ids = [s["SnapshotId"] for s in created]
    seen["created"] = [{"state": s["State"], "size": s["VolumeSize"], "start": s["StartTime"].isoformat()} for s in created]

    ec2.get_waiter("snapshot_completed").wait(SnapshotIds=snapshot_ids, WaiterConfig=FAST)
    pages = ec2.get_paginator("describe_snapshots").paginate(
        OwnerIds=["self"], Filters=[{"Name": "tag:set", "Values": ["b1"]}], PaginationConfig={"PageSize": 5})
    described = [s for page in pages for s in page["Snapshots"]]
    seen["described"] = sorted(
        [{"id": s["SnapshotId"], "state": s["State"], "progress": s["Progress"], "tags": sorted(t["Key"] for t in s["Tags"])} for s in described],
        key=lambda s: s["id"])
    seen["snapshot_ids"] = sorted(snapshot_ids)

    data_snapshot = next(s for s in created if s["VolumeSize"] == 10)["SnapshotId"]
    volume = ec2.create_volume(AvailabilityZone=reservation["Instances"][0]["Placement"]["AvailabilityZone"], SnapshotId=data_snapshot)
    ec2.get_waiter("volume_available").wait(VolumeIds=[volume["VolumeId"]], WaiterConfig=FAST)
    seen["restored"] = {"size": volume["Size"], "snapshot": volume["SnapshotId"], "from": data_snapshot}

    ec2.delete_snapshot(SnapshotId=data_snapshot)
    try:
        ec2.describe_snapshots(SnapshotIds=[data_snapshot])
        raise SystemExit("deleted snapshot is still described")
    except ClientError as e:
        seen["after_delete"] = e.response["Error"]["Code"]
    print(json.dumps(seen))


if __name__ == "__main__":
    main(sys.argv[1])
