# shellcheck shell=bash disable=SC2034  # the values are read by the scripts that source this file
# Sourced by scripts/oidc-issuer.sh and scripts/local-aws.sh: the local OpenID Connect issuer's identity. The
# issuer signs tokens with these values and the local endpoint's OIDC provider and role trust name the same ones.
OIDC_PORT="${FILEBRIDGE_OIDC_PORT:-7490}"
# The exact `iss` (no trailing slash: RGW compares it byte for byte with the registered provider).
OIDC_ISSUER="http://127.0.0.1:$OIDC_PORT"
# What the provider is registered under: the issuer without its scheme.
OIDC_PROVIDER="127.0.0.1:$OIDC_PORT"
OIDC_PROVIDER_ARN="arn:aws:iam:::oidc-provider/$OIDC_PROVIDER"
# Stand-ins for the Entra application ID URI and the managed identity's object id.
OIDC_AUDIENCE="api://filebridge-aws-local"
OIDC_SUBJECT="5f0c1e2d-7a4b-4c3d-9e8f-0a1b2c3d4e5f"
