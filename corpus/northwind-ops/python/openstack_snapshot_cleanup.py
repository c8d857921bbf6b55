#!/usr/bin/env python3
"""Delete stale volume snapshots and server snapshot images in the analytics OpenStack
project (private cloud at the RNO1 colo, run by the data team).

Any snapshot older than --max-age days and not tagged keep=true is removed.  Dry run by default.
Credentials come from clouds.yaml (cloud name "nwl-analytics").
"""
import argparse
import datetime as dt

import openstack


def too_old(created_at, cutoff):
    ts = dt.datetime.fromisoformat(created_at.replace("Z", "+00:00"))
    if ts.tzinfo is None:
        ts = ts.replace(tzinfo=dt.timezone.utc)
    return ts < cutoff


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--max-age", type=int, default=14)
    ap.add_argument("--delete", action="store_true")
    args = ap.parse_args()
    cutoff = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=args.max_age)

    conn = openstack.connect(cloud="nwl-analytics")

    for snap in conn.block_storage.snapshots(details=True):
        if snap.metadata.get("keep") == "true" or not too_old(snap.created_at, cutoff):
            continue
        print(f"volume snapshot {snap.name or snap.id} ({snap.size} GB, {snap.created_at})")
        if args.delete:
            conn.block_storage.delete_snapshot(snap, ignore_missing=True)

    # Server snapshots are Glance images with image_type=snapshot.
    for image in conn.image.images(owner=conn.current_project_id):
        if image.properties.get("image_type") != "snapshot":
            continue
        if "keep" in (image.tags or []) or not too_old(image.created_at, cutoff):
            continue
        print(f"server snapshot image {image.name} ({(image.size or 0) / 2**30:.1f} GiB)")
        if args.delete:
            conn.image.delete_image(image, ignore_missing=True)


if __name__ == "__main__":
    main()
