#!/bin/sh
# Quarterly disaster-recovery drill for the AWS-hosted reporting stack.
# Uses AWS Elastic Disaster Recovery; nothing here touches vSphere.
aws drs describe-source-servers --region eu-west-1
aws drs start-recovery --is-drill --source-servers s-1234567890abcdef0
