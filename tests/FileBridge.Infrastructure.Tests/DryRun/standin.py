"""Stand-ins for the az, aws and azd command-line tools in the day-one dry run (DayOneDryRunTests).

Each call is appended to $DRYRUN_STATE/calls.jsonl as {"tool", "args"} (never standard input) and answered the
way the real tool answers it: the output shapes are those of the tools' documentation (az: JSON, or tab-separated
values for --output tsv; aws: JSON, or tab-separated text; errors on standard error with the real exit codes).
Only what the azd hooks ask is answered; anything else fails loudly, so a hook that starts calling something new
fails the dry run until a fixture for it exists. State (the azd environment, CloudFormation stacks, IAM identity
providers, role assignments, access keys, Key Vault secrets and soft-deleted vaults) lives in $DRYRUN_STATE/state.json,
so a second run sees what the first one made.
"""
import json
import os
import secrets
import subprocess
import sys

STATE_DIR = os.environ["DRYRUN_STATE"]
STATE_FILE = os.path.join(STATE_DIR, "state.json")

SUBSCRIPTION = "3f2a9c41-7d6e-4b1a-9c0d-5e8f7a6b4c3d"
TENANT = "8d7c6b5a-4f3e-4d2c-9b1a-0e9f8d7c6b5a"
SIGNED_IN_USER = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
AWS_ACCOUNT = "123456789012"
MANAGED_IDENTITY = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b"
AUDIENCE = "4c3b2a1f-0e9d-4c8b-a7f6-e5d4c3b2a1f0"
PLACEHOLDER_IDENTITY = "00000000-0000-0000-0000-000000000000"


def load():
    """The state so far; the signed-in user's role scopes and the account's other providers are the test's fixture."""
    state = {"env": {}, "stacks": {}, "providers": {}, "assignments": [], "apps": [], "existing_providers": {}}
    if os.path.exists(STATE_FILE):
        with open(STATE_FILE, encoding="utf-8") as f:
            state = json.load(f)
    state["role_scopes"] = json.loads(os.environ.get("DRYRUN_ROLE_SCOPES", "[]"))
    for arn, client_ids in json.loads(os.environ.get("DRYRUN_EXISTING_PROVIDERS", "{}")).items():
        state["existing_providers"].setdefault(arn, client_ids)
    # Vaults that `azd down --purge` left soft-deleted (purge protection): {name, tags, secrets}; seeded once.
    if "DRYRUN_DELETED_VAULTS" in os.environ and not state.get("deleted_vaults_seeded"):
        state["deleted_vaults"] = json.loads(os.environ["DRYRUN_DELETED_VAULTS"])
        state["deleted_vaults_seeded"] = True
    state.setdefault("deleted_vaults", [])
    return state


def save(state):
    with open(STATE_FILE, "w", encoding="utf-8") as f:
        json.dump(state, f, indent=1)


def option(args, name, default=None):
    return args[args.index(name) + 1] if name in args else default


def fail(message, code=1):
    sys.stderr.write(message + "\n")
    sys.exit(code)


def emit(value, args, text_flag="tsv"):
    """--output json (the default) prints JSON; tsv/text print scalars and rows tab-separated, null as nothing."""
    if args and option(args, "--output") == "none":
        return
    if args and option(args, "--output", option(args, "-o", "json")) in (text_flag, "text", "tsv"):
        rows = value if isinstance(value, list) else [value]
        for row in rows:
            if row is None:
                continue
            if isinstance(row, list):
                print("\t".join("" if v is None else str(v) for v in row))
            elif isinstance(row, dict):
                print("\t".join("" if v is None else str(v) for v in row.values()))
            else:
                print(row)
    elif value is not None:
        print(json.dumps(value, indent=2))


# ---------------------------------------------------------------------------------------------------- azd
def azd(args, state):
    env = state["env"]
    if args[:2] == ["env", "set"]:
        env[args[2]] = args[3]
    elif args[:2] == ["env", "get-value"]:
        if args[2] not in env:
            fail(f"ERROR: key '{args[2]}' not found in the environment values")
        print(env[args[2]])
    elif args[:2] == ["env", "get-values"]:
        for key, value in env.items():
            print(f'{key}="{value}"')
    elif args[:2] == ["hooks", "run"]:
        return run_hook(args[2], env)
    elif args[:1] == ["deploy"]:
        print("Deploying services (azd deploy)\n  (✓) Done: Deploying service api\n  (✓) Done: Deploying service web")
    else:
        fail(f"azd stand-in: no fixture for azd {' '.join(args)}", 2)


def run_hook(name, env):
    """azd hooks run NAME: the hook of azure.yaml from the project's root, with the environment's values."""
    root = os.getcwd()
    while not os.path.exists(os.path.join(root, "azure.yaml")):
        if os.path.dirname(root) == root:
            fail("ERROR: no project exists; to create a new project, run `azd init`")
        root = os.path.dirname(root)
    sys.stdout.flush()
    result = subprocess.run(["bash", f"scripts/azd/{name}.sh"], cwd=root, env={**os.environ, **env}, check=False)
    if result.returncode != 0:
        fail(f"ERROR: failed running hook '{name}': exit code: {result.returncode}", 1)


# ---------------------------------------------------------------------------------------------------- az
def az(args, state):
    query = option(args, "--query")
    if args[:2] == ["account", "show"]:
        account = {"id": SUBSCRIPTION, "tenantId": TENANT, "name": "FileBridge dry run", "state": "Enabled",
                   "user": {"name": "ops@example.com", "type": "user"}, "isDefault": True}
        return emit({"id": SUBSCRIPTION, "tenantId": TENANT}.get(query, account), args)
    if args[:3] == ["ad", "signed-in-user", "show"]:
        return emit(SIGNED_IN_USER if query == "id" else {"id": SIGNED_IN_USER, "userPrincipalName": "ops@example.com"}, args)
    if args[:3] == ["role", "assignment", "list"]:
        assignee = option(args, "--assignee")
        if "--scope" in args:
            found = [a for a in state["assignments"] if a["principalId"] == assignee and a["scope"] == option(args, "--scope")
                     and a["roleDefinitionName"] == option(args, "--role")]
            return emit(found[0]["id"] if query == "[0].id" and found else ([] if query != "[0].id" else None), args)
        scopes = [s["scope"] for s in state["role_scopes"] if assignee == SIGNED_IN_USER
                  and s["role"] in ("Owner", "User Access Administrator", "Role Based Access Control Administrator")]
        return emit(scopes, args)
    if args[:3] == ["ad", "app", "create"]:
        state["apps"].append({"appId": AUDIENCE, "displayName": option(args, "--display-name")})
        return emit(AUDIENCE if query == "appId" else state["apps"][-1], args)
    if args[:3] == ["ad", "sp", "create"]:
        return emit(None if option(args, "--output") == "none" else {"appId": option(args, "--id")}, args)
    if args[:3] == ["ad", "app", "show"]:
        if query == "api.requestedAccessTokenVersion":
            return emit(None, args)  # null: v1 tokens, what new registrations get
        return emit({"appId": option(args, "--id"), "api": {"requestedAccessTokenVersion": None}}, args)
    if args[:2] == ["keyvault", "list-deleted"]:
        deleted = [{"name": v["name"], "type": "Microsoft.KeyVault/deletedVaults",
                    "properties": {"tags": v.get("tags", {}), "purgeProtectionEnabled": True,
                                   "deletionDate": "2026-12-01T09:00:00+00:00", "scheduledPurgeDate": "2027-03-01T09:00:00+00:00"}}
                   for v in state["deleted_vaults"]]
        if query:
            # The hook's query: [?properties.tags."azd-env-name"=='<env>'].name | [0]
            env_name = query.split("=='", 1)[1].split("'", 1)[0]
            names = [v["name"] for v in deleted if v["properties"]["tags"].get("azd-env-name") == env_name]
            return emit(names[0] if names else None, args)
        return emit(deleted, args)
    if args[:3] == ["keyvault", "secret", "list"]:
        vault = option(args, "--vault-name")
        if vault not in state.get("vaults", []):
            fail(f"ERROR: The vault '{vault}' could not be found.", 3)
        names = sorted(state.get("secrets", {}).get(vault, {}))
        if query and query.startswith("[?name=='"):
            wanted = query.split("'")[1]
            return emit([n for n in names if n == wanted], args)
        return emit(names if query == "[].name" else [{"name": n, "id": f"https://{vault}.vault.azure.net/secrets/{n}"} for n in names], args)
    if args[:3] == ["keyvault", "secret", "set"]:
        # The value only from --file (kept in the state, never in calls.jsonl); --value would put it on a command line.
        vault, name = option(args, "--vault-name"), option(args, "--name")
        if "--value" in args or "--file" not in args:
            fail("az stand-in: a secret is given with --file only", 2)
        with open(option(args, "--file"), encoding="utf-8") as f:
            state.setdefault("secrets", {}).setdefault(vault, {})[name] = f.read()
        return emit({"name": name, "id": f"https://{vault}.vault.azure.net/secrets/{name}/0001"}, args)
    if args[:3] == ["deployment", "sub", "create"]:
        return deployment(args, state)
    if args[:4] == ["functionapp", "config", "appsettings", "set"]:
        app = state.setdefault("app_settings", {}).setdefault(option(args, "--name"), {})
        settings = args[args.index("--settings") + 1:]
        for setting in settings:
            if setting.startswith("--"):
                break
            key, _, value = setting.partition("=")
            app[key] = value
        return emit([{"name": k, "slotSetting": False, "value": v} for k, v in app.items()], args)
    fail(f"az stand-in: no fixture for az {' '.join(args)}", 2)


def deployment(args, state):
    """Validates the parameters against the compiled template as ARM does, then answers its outputs."""
    with open(option(args, "--template-file"), encoding="utf-8") as f:
        template = json.load(f)
    with open(option(args, "--parameters").lstrip("@"), encoding="utf-8") as f:
        given = {k: v["value"] for k, v in json.load(f)["parameters"].items()}
    declared = template["parameters"]
    unknown = sorted(set(given) - set(declared))
    if unknown:
        fail(f"ERROR: InvalidTemplate: the template parameters {unknown} are not valid; they are not present in the original template", 1)
    kinds = {"string": str, "securestring": str, "bool": bool, "int": int, "array": list, "object": dict}
    for name, spec in declared.items():
        if name not in given:
            if "defaultValue" not in spec:
                fail(f"ERROR: InvalidTemplate: the value for the template parameter '{name}' is not provided", 1)
            continue
        value = given[name]
        if not isinstance(value, kinds[spec["type"].lower()]):
            fail(f"ERROR: InvalidTemplate: the template parameter '{name}' has type {type(value).__name__}, expected {spec['type']}", 1)
        if "allowedValues" in spec and value not in spec["allowedValues"]:
            fail(f"ERROR: InvalidTemplate: the value '{value}' of parameter '{name}' is not part of the allowed values", 1)
        if isinstance(value, str) and len(value) < spec.get("minLength", 0):
            fail(f"ERROR: InvalidTemplate: the value of parameter '{name}' is shorter than {spec['minLength']}", 1)
    env_name = given["environmentName"]
    group = given.get("resourceGroupName") or f"rg-{env_name}"
    storage = f"/subscriptions/{SUBSCRIPTION}/resourceGroups/{group}/providers/Microsoft.Storage/storageAccounts/stdryrun01"
    operators = ([given["principalId"]] if given.get("principalId") else []) + \
        [e.split(":")[0].strip() for e in given.get("operatorIds", "").split(",") if e.strip()]
    for operator in dict.fromkeys(operators):
        assignment = {"id": f"{storage}/providers/Microsoft.Authorization/roleAssignments/{len(state['assignments']):08d}",
                      "principalId": operator, "scope": storage, "roleDefinitionName": "Storage Table Data Contributor"}
        if not any(a["principalId"] == operator and a["scope"] == storage for a in state["assignments"]):
            state["assignments"].append(assignment)
    # A purge-protected vault soft-deleted under the name blocks a new one: ARM recovers it or refuses.
    vault = "kv-dryrun01"
    deleted = next((v for v in state["deleted_vaults"] if v["name"] == vault), None)
    recover = given.get("keyVaultRecover") == "true"
    if deleted and not recover:
        fail(f"ERROR: (ConflictError) A vault with the same name already exists in deleted state. You need to either recover or purge existing key vault. Vault: {vault}", 1)
    if recover and not deleted and vault not in state.get("vaults", []):
        fail(f"ERROR: (DeletedVaultNotFound) The deleted vault {vault} was not found and cannot be recovered.", 1)
    if deleted:
        state["deleted_vaults"].remove(deleted)
        state.setdefault("secrets", {})[vault] = dict(deleted.get("secrets", {}))
    # With the edge on, the static web app's own host is locked down (it answers 403); APP_URL is the edge's.
    app_url = os.environ["DRYRUN_APP_URL"]
    static_url = os.environ.get("DRYRUN_LOCKED_URL", app_url) if given.get("edgeEnabled") == "true" else app_url
    values = {
        "AZURE_RESOURCE_GROUP": group, "APP_URL": app_url, "STATIC_WEB_APP_URL": static_url,
        "FUNCTION_APP_NAME": "func-dryrun01", "USERS_SERVICE_URI": "https://stdryrun01.table.core.windows.net/",
        "STORAGE_ACCOUNT_ID": storage, "MANAGED_IDENTITY_PRINCIPAL_ID": MANAGED_IDENTITY, "AZURE_TENANT_ID": TENANT,
        "KEY_VAULT_NAME": vault,
        "OPERATOR_IDS": ",".join(dict.fromkeys(operators)),
    }
    missing = sorted(set(template.get("outputs", {})) - set(values))
    if missing:
        fail(f"az stand-in: no fixture for the outputs {missing}", 2)
    state.setdefault("deployments", []).append(given)
    state["vaults"] = sorted(set(state.get("vaults", [])) | {vault})
    outputs = {name: {"type": spec["type"], "value": values[name]} for name, spec in template["outputs"].items()}
    emit(outputs if option(args, "--query") == "properties.outputs" else {"properties": {"outputs": outputs, "provisioningState": "Succeeded"}}, args)


# ---------------------------------------------------------------------------------------------------- aws
def aws(args, state):
    args = [a for i, a in enumerate(args) if a != "--region" and (i == 0 or args[i - 1] != "--region")]
    if args[:2] == ["sts", "get-caller-identity"]:
        identity = {"UserId": "AIDASAMPLEUSERID", "Account": AWS_ACCOUNT, "Arn": f"arn:aws:iam::{AWS_ACCOUNT}:user/ops"}
        return emit(identity, args, "text")
    if args[:2] == ["cloudformation", "describe-stacks"]:
        name = option(args, "--stack-name")
        if name not in state["stacks"]:
            fail(f"An error occurred (ValidationError) when calling the DescribeStacks operation: Stack with id {name} does not exist", 254)
        outputs = [{"OutputKey": k, "OutputValue": v, "Description": ""} for k, v in state["stacks"][name]["outputs"].items()]
        stack = {"StackName": name, "StackStatus": "UPDATE_COMPLETE", "Outputs": outputs}
        if option(args, "--output") == "none":
            return None
        query = option(args, "--query") or ""
        if query.startswith("Stacks[0].Outputs[?OutputKey=='"):
            wanted = query.split("'")[1]
            return emit([o["OutputValue"] for o in outputs if o["OutputKey"] == wanted], args, "text")
        return emit(outputs if option(args, "--query") == "Stacks[0].Outputs" else {"Stacks": [stack]}, args)
    if args[:2] == ["cloudformation", "deploy"]:
        return deploy_stack(args, state)
    providers = {**state["existing_providers"], **state["providers"]}
    if args[:2] == ["iam", "list-open-id-connect-providers"]:
        arns = [{"Arn": arn} for arn in providers]
        return emit([a["Arn"] for a in arns] if option(args, "--query") == "OpenIDConnectProviderList[].Arn" else {"OpenIDConnectProviderList": arns}, args, "text")
    if args[:2] == ["iam", "get-open-id-connect-provider"]:
        client_ids = providers[option(args, "--open-id-connect-provider-arn")]
        return emit(client_ids if option(args, "--query") == "ClientIDList" else {"ClientIDList": client_ids}, args, "text")
    if args[:2] == ["iam", "create-access-key"]:
        # The secret is printed once, as the real command does, and kept only to check where it went.
        user = option(args, "--user-name")
        if user not in state.get("users", []):
            fail(f"An error occurred (NoSuchEntity) when calling the CreateAccessKey operation: The user with name {user} cannot be found.", 254)
        keys = state.setdefault("access_keys", {}).setdefault(user, [])
        if len(keys) >= 2:
            fail("An error occurred (LimitExceeded) when calling the CreateAccessKey operation: Cannot exceed quota for AccessKeysPerUser: 2", 254)
        key = {"UserName": user, "AccessKeyId": f"AKIADRYRUN{len(keys):010d}", "Status": "Active",
               "SecretAccessKey": secrets.token_urlsafe(30), "CreateDate": "2026-12-03T10:00:00+00:00"}
        keys.append(key)
        if option(args, "--query") == "AccessKey.[AccessKeyId,SecretAccessKey]":
            return emit([[key["AccessKeyId"], key["SecretAccessKey"]]], args, "text")
        return emit({"AccessKey": key}, args, "text")
    if args[:2] == ["iam", "add-client-id-to-open-id-connect-provider"]:
        arn = option(args, "--open-id-connect-provider-arn")
        target = state["existing_providers"] if arn in state["existing_providers"] else state["providers"]
        target[arn] = sorted(set(target[arn]) | {option(args, "--client-id")})
        return None
    fail(f"aws stand-in: no fixture for aws {' '.join(args)}", 2)


def deploy_stack(args, state):
    """aws cloudformation deploy: parameters not overridden keep the stack's value (new stacks: the default)."""
    name = option(args, "--stack-name")
    overrides = dict(o.split("=", 1) for o in args[args.index("--parameter-overrides") + 1:] if "=" in o and not o.startswith("--"))
    existing = state["stacks"].get(name)
    params = {"CredentialSource": "WebIdentity", "EntraTenantId": "", "WebIdentityAudience": "", "ManagedIdentityPrincipalId": "",
              "ExistingOidcProviderArn": "", "EnvironmentName": "prod", "BucketName": "", "ExtraBucketNames": "", "BrokerUserName": ""}
    params.update(existing["parameters"] if existing else {})
    params.update(overrides)
    if params["CredentialSource"] == "WebIdentity":
        for required in ("EntraTenantId", "WebIdentityAudience", "ManagedIdentityPrincipalId"):
            if not params[required]:
                fail(f"An error occurred (ValidationError) when calling the CreateChangeSet operation: CredentialSource WebIdentity needs {required}.", 255)
    if existing and existing["parameters"] == params:
        print(f"\nNo changes to deploy. Stack {name} is up to date")
        return None
    provider = f"arn:aws:iam::{AWS_ACCOUNT}:oidc-provider/sts.windows.net/{params['EntraTenantId']}/"
    if params["CredentialSource"] == "WebIdentity" and not params["ExistingOidcProviderArn"]:
        if provider in state["existing_providers"]:
            fail(f"Failed to create/update the stack. EntraIdentityProvider: Provider with url https://sts.windows.net/{params['EntraTenantId']}/ already exists. (EntityAlreadyExists)", 255)
        state["providers"][provider] = [params["WebIdentityAudience"]]
    outputs = {"RoleArn": f"arn:aws:iam::{AWS_ACCOUNT}:role/filebridge-reader-{params['EnvironmentName']}",
               "RoleName": f"filebridge-reader-{params['EnvironmentName']}", "BucketName": params["BucketName"],
               "Region": os.environ.get("DRYRUN_AWS_REGION", "eu-west-1"), "CredentialSource": params["CredentialSource"]}
    if params["CredentialSource"] == "WebIdentity":
        outputs["WebIdentityAudience"] = params["WebIdentityAudience"]
        outputs["IdentityProviderArn"] = params["ExistingOidcProviderArn"] or provider
    else:
        user = params["BrokerUserName"] or f"filebridge-broker-{params['EnvironmentName']}"
        state["users"] = sorted(set(state.get("users", [])) | {user})
        outputs["BrokerUserName"] = user
        outputs["BrokerUserArn"] = f"arn:aws:iam::{AWS_ACCOUNT}:user/{user}"
    state["stacks"][name] = {"parameters": params, "outputs": outputs}
    print(f"\nWaiting for changeset to be created..\nWaiting for stack create/update to complete\nSuccessfully created/updated stack - {name}")


def main():
    tool, args = sys.argv[1], sys.argv[2:]
    with open(os.path.join(STATE_DIR, "calls.jsonl"), "a", encoding="utf-8") as log:
        log.write(json.dumps({"tool": tool, "args": args}) + "\n")
    state = load()
    if tool == "azd" and args[:2] == ["hooks", "run"]:
        # The hook calls the stand-ins itself: they keep the state; this process must not write its old copy back.
        return azd(args, state)
    try:
        {"az": az, "aws": aws, "azd": azd}[tool](args, state)
    finally:
        save(state)


if __name__ == "__main__":
    main()
