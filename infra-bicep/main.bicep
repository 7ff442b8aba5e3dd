metadata description = 'FileBridge on Azure: the identity broker Function App (Flex Consumption), its storage, Key Vault, monitoring and the static web app that serves the web page with the Function App linked as its same-origin API.'

targetScope = 'resourceGroup'

// ---------------------------------------------------------------------------
// Environment
// ---------------------------------------------------------------------------

@description('Short name of the environment (for example prod or test); it seeds the generated resource names and is set as a tag.')
@minLength(1)
@maxLength(64)
param environmentName string

@description('Azure region for every resource except the static web app. Defaults to the resource group\'s region.')
param location string = resourceGroup().location

@description('Azure region for the static web app; Static Web Apps is offered in a few regions only.')
@allowed([
  'centralus'
  'eastasia'
  'eastus2'
  'westeurope'
  'westus2'
])
param staticWebAppLocation string = 'westeurope'

@description('Extra tags merged into the tags every resource carries.')
param tags object = {}

// ---------------------------------------------------------------------------
// Names (empty = generated from the resource token)
// ---------------------------------------------------------------------------

@description('Name of the Function App; empty generates one.')
param functionAppName string = ''

@description('Name of the Flex Consumption plan; empty generates one.')
param functionPlanName string = ''

@description('Name of the user-assigned managed identity; empty generates one.')
param identityName string = ''

@description('Name of the storage account (3-24 lower-case letters and digits); empty generates one.')
param storageAccountName string = ''

@description('Name of the Key Vault (3-24 characters); empty generates one.')
param keyVaultName string = ''

@description('Name of the Log Analytics workspace; empty generates one.')
param logAnalyticsName string = ''

@description('Name of the Application Insights component; empty generates one.')
param applicationInsightsName string = ''

@description('Name of the static web app; empty generates one.')
param staticWebAppName string = ''

@description('Name of the Front Door profile (only with edgeEnabled); empty generates one.')
param frontDoorName string = ''

@description('Name of the Front Door endpoint (only with edgeEnabled); empty generates one.')
param frontDoorEndpointName string = ''

@description('Name of the Front Door WAF policy (only with edgeEnabled; letters and digits, starting with a letter); empty generates one.')
param wafPolicyName string = ''

// ---------------------------------------------------------------------------
// FileBridge settings
// ---------------------------------------------------------------------------

@description('Name of the user table (Users:TableName).')
param usersTableName string = 'Users'

@description('Name of the session table (Sessions:TableName).')
param sessionsTableName string = 'Sessions'

@description('Name of the audit table (Audit:TableName).')
param auditTableName string = 'Audit'

@description('Days an audit row is kept before the retention timer removes it (Audit:RetentionDays).')
@minValue(1)
@maxValue(3650)
param auditRetentionDays int = 400

@description('Idle timeout of a session as a TimeSpan, hh:mm:ss (Sessions:IdleTimeout).')
param sessionIdleTimeout string = '00:30:00'

@description('Absolute lifetime of a session as a TimeSpan, hh:mm:ss (Sessions:AbsoluteTimeout).')
param sessionAbsoluteTimeout string = '08:00:00'

@description('How old an instance\'s copy of a session, user or group row may be before it is read again, hh:mm:ss, at most 00:01:00 (Sessions:RevalidateAfter). Also how long a revocation may take to reach every instance.')
param sessionRevalidateAfter string = '00:00:05'

@description('Partitions an audit day is split into (Audit:Shards): one partition carries about 2,000 rows a second.')
@minValue(1)
@maxValue(99)
param auditShards int = 16

@description('AWS region of the bucket and of STS, for example eu-west-1 (Aws:Region).')
param awsRegion string

@description('How the app authenticates to AWS (Aws:CredentialSource): WebIdentity (keyless, recommended: its managed identity\'s token, no AWS secret anywhere) or AccessKey (an IAM user\'s key kept in Key Vault). Must match CredentialSource of aws/filebridge-aws.yaml.')
@allowed([
  'WebIdentity'
  'AccessKey'
])
param awsCredentialSource string = 'WebIdentity'

@description('WebIdentity only: the audience the managed identity\'s token is issued for, the client id (or application ID URI) of the app registration made for FileBridge (Aws:WebIdentityAudience).')
param awsWebIdentityAudience string = ''

@description('AccessKey only: access key ID of the broker IAM user created by aws/filebridge-aws.yaml (Aws:AccessKeyId).')
param awsAccessKeyId string = ''

@description('AccessKey only: secret access key of the broker IAM user; stored only in Key Vault (Aws:SecretAccessKey). Leave empty in WebIdentity mode.')
@secure()
param awsSecretAccessKey string = ''

@description('ARN of the filebridge-reader role, the RoleArn output of aws/filebridge-aws.yaml (Aws:RoleArn).')
param awsRoleArn string

@description('Lifetime of assumed-role credentials in minutes (Aws:SessionDuration): 15 to 60, because the reader role of aws/filebridge-aws.yaml allows sessions of at most one hour (MaxSessionDuration 3600) and AWS refuses every AssumeRole asking for more.')
@minValue(15)
@maxValue(60)
param awsSessionDurationMinutes int = 60

@description('Name of the S3 bucket FileBridge reads (Files:Bucket); may be empty when filesLocations names the buckets.')
param filesBucket string = ''

@description('Named locations (Files:Locations): objects { name, bucket, prefix?, roleArn?, region? }; roleArn and region default to awsRoleArn and awsRegion. Empty: filesBucket is the one location. A template parameter so that a redeploy keeps them.')
param filesLocations array = []

@description('Semicolon-separated S3 prefixes for users whose record names none, or * alone for the whole bucket; empty means such users see nothing (Files:DefaultPrefixes). Prefixes must not hold *, ? or \${.')
param filesDefaultPrefixes string = ''

@description('Lifetime of presigned download links as a TimeSpan, at most 00:15:00 (Files:DownloadUrlLifetime).')
param filesDownloadUrlLifetime string = '00:05:00'

@description('Failed sign-ins before a user is locked out (Login:MaxFailedAttempts).')
@minValue(1)
param loginMaxFailedAttempts int = 5

@description('How long a lockout lasts as a TimeSpan (Login:LockoutDuration).')
param loginLockoutDuration string = '00:15:00'

@description('PBKDF2 iterations for new password hashes; stored hashes with fewer are re-hashed at sign-in (Login:PasswordHashIterations).')
@minValue(210000)
param loginPasswordHashIterations int = 210000

@description('Requests per second a signed-in user (or an anonymous client address) may make, on every instance; with edgeEnabled also the edge\'s per-address limit, times 60 per minute (Throttle:RequestsPerSecond).')
@minValue(1)
param throttleRequestsPerSecond int = 50

@description('Requests a user or client address may make at once above its steady rate (Throttle:Burst).')
@minValue(1)
param throttleBurst int = 100

@description('Sign-in attempts per minute from one client address, on every instance; with edgeEnabled also the edge\'s sign-in limit (Throttle:LoginPerClientPerMinute).')
@minValue(1)
param throttleLoginPerClientPerMinute int = 30

@description('Header the platform front end puts the client address in, used when edgeEnabled is false; the app takes its right-most entry, the one the platform appended (Web:ClientAddressHeader).')
param webClientAddressHeader string = 'X-Forwarded-For'

@description('Whether sign-in asks for a second factor (Login:SecondFactor): Off, Optional or Required.')
@allowed([
  'Off'
  'Optional'
  'Required'
])
param loginSecondFactor string = 'Required'

@description('UTC date (yyyy-MM-dd) until which a person without a second factor may enrol one with the password alone (Login:EnrollWithPasswordUntil); empty: no such window.')
param loginOpenEnrollmentUntil string = ''

@description('Relying party id of passkeys (Web:PasskeyRpId); empty: the host people use (the edge\'s with edgeEnabled, otherwise the static web app\'s). Never change it once people have passkeys: they are bound to it.')
param webPasskeyRpId string = ''

@description('Name of the group table (Groups:TableName).')
param groupsTableName string = 'Groups'

@description('Name of the per-person session index (Sessions:IndexTableName): a person\'s sessions are found there without scanning the session table.')
param sessionsIndexTableName string = 'SessionIndex'

@description('Live sessions a person may have at once; a new sign-in ends the least recently seen beyond it (Sessions:MaxPerUser).')
@minValue(1)
@maxValue(50)
param sessionsMaxPerUser int = 10

@description('Name of the passkey table (Login:PasskeysTableName).')
param loginPasskeysTableName string = 'Passkeys'

@description('Name of the table of sign-in steps between the password and a session (Login:PendingStepsTableName).')
param loginPendingStepsTableName string = 'PendingSteps'

@description('Name of the table of passkey challenges (Login:ChallengesTableName).')
param loginChallengesTableName string = 'PasskeyChallenges'

@description('How long after a sign-in or re-authentication a person may add or remove a factor, as a TimeSpan between 00:00:01 and 01:00:00 (Login:RecentAuthWindow).')
param loginRecentAuthWindow string = '00:05:00'

@description('Lifetime of a temporary password that users add, reset-password and reset-factors print, as a TimeSpan between 00:05:00 and 30.00:00:00 (Login:TemporaryPasswordLifetime).')
// The name says secret or password; the value is a lifetime, not a password.
#disable-next-line secure-secrets-in-params
param loginTemporaryPasswordLifetime string = '3.00:00:00'

@description('Fewest characters a password may have (Login:MinPasswordLength).')
@minValue(8)
@maxValue(64)
param loginMinPasswordLength int = 12

@description('Further app settings by name (for example {"Files__SearchScanLimit": "10000"}), for settings this template has no parameter for. A template parameter rather than a setting made by hand: every provision writes the complete list, and anything set by hand is gone after it. Names the template sets itself are refused.')
param appSettings object = {}

// ---------------------------------------------------------------------------
// Edge (Azure Front Door with a WAF rate-limit policy)
// ---------------------------------------------------------------------------

@description('Put Azure Front Door with a WAF rate-limit policy in front of the static web app: per client address, the app\'s request and sign-in limits are enforced at the edge before requests reach (and bill) the app.')
param edgeEnabled bool = false

@description('Front Door tier for edgeEnabled: Standard has the custom rate-limit rules; Premium adds managed rule sets and Private Link origins at about ten times the base fee.')
@allowed([
  'Standard_AzureFrontDoor'
  'Premium_AzureFrontDoor'
])
param edgeSku string = 'Standard_AzureFrontDoor'

// ---------------------------------------------------------------------------
// Scale and operators
// ---------------------------------------------------------------------------

@description('Highest number of instances the Function App may scale out to.')
@minValue(1)
@maxValue(1000)
param functionMaximumInstanceCount int = 40

@description('Memory per Function App instance in MB.')
@allowed([
  512
  2048
  4096
])
param functionInstanceMemoryMB int = 2048

@description('Operators who run the admin tool: each gets Storage Table Data Contributor on the storage account. Objects { principalId: \'<object id>\', principalType: \'User\' | \'Group\' | \'ServicePrincipal\' }.')
param operators array = []

@description('Origins of custom domains (https://files.example.com) that serve the page besides the static web app\'s own and, with the edge, Front Door\'s; they may sign in (Web:AllowedOrigins).')
param webExtraAllowedOrigins array = []

@description('E-mail address the alerts notify (the action group\'s receiver). Required: alerts nobody receives are not deployed.')
param alertEmailAddress string

@description('Address of the README that holds the alerts\' runbooks (its "Alerts" section), linked from each alert\'s description; set it to your repository\'s web address of README.md so that the link opens from the e-mail.')
param runbookUrl string = 'README.md'

@description('Failed (5xx) requests in five minutes that raise the 5xx alert.')
@minValue(1)
param alertServerErrorThreshold int = 20

@description('Names (accounts or not) whose sign-ins got locked within five minutes (filebridge.lockouts) that raise the password-spraying alert.')
@minValue(1)
param alertLockoutSprayThreshold int = 10

@description('Throttled requests in five minutes (filebridge.throttled) that raise the throttled sign-ins alert.')
@minValue(1)
param alertThrottledThreshold int = 100

@description('Re-create the Key Vault from its soft-deleted state (AccessKey mode): after azd down --purge the purge-protected vault keeps its name for 90 days, and only recovering it frees the name. The azd preprovision hook sets it when it finds this environment\'s deleted vault.')
param keyVaultRecover bool = false

@description('Object ID of the principal that runs scripts/login-keys.sh after provisioning (azd passes the person running it): gets Key Vault Secrets Officer on the vault, to write the sign-in keys once; empty grants nobody.')
param keyWriterPrincipalId string = ''

@description('Kind of principal keyWriterPrincipalId names.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param keyWriterPrincipalType string = 'User'

@description('Object ID of a user or group who may read the audit trail (audit list, Azure Monitor queries aside) and nothing else; empty grants nobody.')
param auditReaderPrincipalId string = ''

@description('Kind of principal auditReaderPrincipalId names.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param auditReaderPrincipalType string = 'User'

// ---------------------------------------------------------------------------
// Names, tags and roles
// ---------------------------------------------------------------------------

// Sample parameter files hold REPLACE-... placeholders. Deploying one unchanged must fail before anything is
// created: every name depends on the token, and int() of the message fails the deployment, naming it.
var placeholderParameters = filter(
  items({
    awsRoleArn: awsRoleArn
    filesBucket: filesBucket
    awsWebIdentityAudience: awsWebIdentityAudience
    awsAccessKeyId: awsAccessKeyId
    alertEmailAddress: alertEmailAddress
  }),
  p => contains(toUpper(p.value), 'REPLACE-')
)
// Every app setting modules/function-app.bicep writes (besides Files__Locations__*); appSettings may not set them.
var ownedSettingNames = [
  'AzureWebJobsStorage__accountName'
  'AzureWebJobsStorage__credential'
  'AzureWebJobsStorage__clientId'
  'AZURE_CLIENT_ID'
  'APPLICATIONINSIGHTS_CONNECTION_STRING'
  'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'
  'Users__ServiceUri'
  'Users__TableName'
  'Sessions__TableName'
  'Audit__TableName'
  'Audit__RetentionDays'
  'Sessions__IdleTimeout'
  'Sessions__AbsoluteTimeout'
  'Sessions__RevalidateAfter'
  'Audit__Shards'
  'Aws__Region'
  'Aws__RoleArn'
  'Aws__SessionDuration'
  'Aws__CredentialSource'
  'Aws__WebIdentityAudience'
  'Aws__AccessKeyId'
  'Aws__SecretAccessKey'
  'Files__Bucket'
  'Files__DefaultPrefixes'
  'Files__DownloadUrlLifetime'
  'Login__MaxFailedAttempts'
  'Login__LockoutDuration'
  'Login__PasswordHashIterations'
  'Login__AttemptsTableName'
  'Login__SecondFactor'
  'Login__EnrollWithPasswordUntil'
  'Login__SecretsKey'
  'Login__DeviceKey'
  'Login__PasskeysTableName'
  'Login__PendingStepsTableName'
  'Login__ChallengesTableName'
  'Login__RecentAuthWindow'
  'Login__TemporaryPasswordLifetime'
  'Login__MinPasswordLength'
  'Sessions__IndexTableName'
  'Sessions__MaxPerUser'
  'Throttle__RequestsPerSecond'
  'Throttle__Burst'
  'Throttle__LoginPerClientPerMinute'
  'Web__AllowedOrigins'
  'Web__ClientAddressHeader'
  'Web__PasskeyRpId'
  'Web__RequiredFrontDoorId'
  'Groups__TableName'
]

// Inputs that would deploy something broken fail the same way, each with its own message.
var inputErrors = concat(
  map(placeholderParameters, p => 'Parameter ${p.key} still holds a REPLACE- placeholder: set it first.'),
  empty(alertEmailAddress) ? ['Parameter alertEmailAddress is empty: alerts nobody receives are not deployed.'] : [],
  empty(filesBucket) && empty(filesLocations) ? ['Set filesBucket or filesLocations: FileBridge needs a bucket to read.'] : [],
  map(filter(objectKeys(appSettings), n => contains(ownedSettingNames, n)), n => 'appSettings.${n} is set by this template: use its parameter.')
)
var resourceToken = empty(inputErrors)
  ? uniqueString(subscription().id, resourceGroup().id, environmentName)
  : string(int(inputErrors[0]))
var allTags = union(tags, {
  'azd-env-name': environmentName
  application: 'filebridge'
})

var names = {
  functionApp: !empty(functionAppName) ? functionAppName : 'func-${resourceToken}'
  functionPlan: !empty(functionPlanName) ? functionPlanName : 'plan-${resourceToken}'
  identity: !empty(identityName) ? identityName : 'id-${resourceToken}'
  storageAccount: !empty(storageAccountName) ? storageAccountName : 'st${resourceToken}'
  keyVault: !empty(keyVaultName) ? keyVaultName : 'kv-${resourceToken}'
  logAnalytics: !empty(logAnalyticsName) ? logAnalyticsName : 'log-${resourceToken}'
  applicationInsights: !empty(applicationInsightsName) ? applicationInsightsName : 'appi-${resourceToken}'
  staticWebApp: !empty(staticWebAppName) ? staticWebAppName : 'swa-${resourceToken}'
  frontDoor: !empty(frontDoorName) ? frontDoorName : 'afd-${resourceToken}'
  frontDoorEndpoint: !empty(frontDoorEndpointName) ? frontDoorEndpointName : 'fde-${resourceToken}'
  wafPolicy: !empty(wafPolicyName) ? wafPolicyName : 'waf${resourceToken}'
}

var deploymentContainerName = 'app-package'
// A vault in every mode, keyless (no AWS secret) included: the sign-in keys must never live in the storage account
// (a copy of it must give no TOTP codes and forge no device cookie).
var awsSecretAccessKeySecretName = 'aws-secret-access-key'
// Written once by scripts/login-keys.sh (the azd postprovision hook), never by the template: see key-vault.bicep.
var loginSecretsKeySecretName = 'login-secrets-key'
var loginDeviceKeySecretName = 'login-device-key'

// Built-in role definition IDs; each is granted on one resource only.
var roles = {
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  storageTableDataReader: '76199698-9eea-4c19-bc75-cec21354c6b6'
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  keyVaultSecretsOfficer: 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

// ---------------------------------------------------------------------------
// Resources
// ---------------------------------------------------------------------------

module identity 'modules/managed-identity.bicep' = {
  name: 'identity'
  params: {
    name: names.identity
    location: location
    tags: allTags
  }
}

module storage 'modules/storage-account.bicep' = {
  name: 'storage'
  params: {
    name: names.storageAccount
    location: location
    tags: allTags
    tableNames: [
      usersTableName
      sessionsTableName
      auditTableName
      groupsTableName
      sessionsIndexTableName
      loginPasskeysTableName
      loginPendingStepsTableName
      loginChallengesTableName
    ]
    deploymentContainerName: deploymentContainerName
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    logAnalyticsName: names.logAnalytics
    applicationInsightsName: names.applicationInsights
    location: location
    tags: allTags
  }
}

module keyVault 'modules/key-vault.bicep' = {
  name: 'key-vault'
  params: {
    name: names.keyVault
    location: location
    tags: allTags
    awsSecretAccessKeySecretName: awsSecretAccessKeySecretName
    loginSecretsKeySecretName: loginSecretsKeySecretName
    loginDeviceKeySecretName: loginDeviceKeySecretName
    awsSecretAccessKey: awsSecretAccessKey
    recover: keyVaultRecover
  }
}

module staticWebApp 'modules/static-web-app.bicep' = {
  name: 'static-web-app'
  params: {
    name: names.staticWebApp
    location: staticWebAppLocation
    // azd deploys the "web" service (azure.yaml) to the resource carrying this tag.
    tags: union(allTags, { 'azd-service-name': 'web' })
  }
}

// Behind Front Door the app reads a header that Front Door overwrites with the TCP peer address, so it
// holds one entry no client can choose. Without the edge, the platform's X-Forwarded-For, right-most entry.
var edgeClientAddressHeader = 'X-FileBridge-Client-Address'
var clientAddressHeader = edgeEnabled ? edgeClientAddressHeader : webClientAddressHeader

module wafPolicy 'modules/front-door-waf-policy.bicep' = if (edgeEnabled) {
  name: 'front-door-waf-policy'
  params: {
    name: names.wafPolicy
    tags: allTags
    skuName: edgeSku
    apiRequestsPerMinute: throttleRequestsPerSecond * 60
    signInRequestsPerMinute: throttleLoginPerClientPerMinute
  }
}

module frontDoor 'modules/front-door.bicep' = if (edgeEnabled) {
  name: 'front-door'
  params: {
    name: names.frontDoor
    endpointName: names.frontDoorEndpoint
    tags: allTags
    skuName: edgeSku
    originHostName: staticWebApp.outputs.defaultHostname
    wafPolicyId: wafPolicy.?outputs.id ?? ''
    clientAddressHeader: edgeClientAddressHeader
  }
}

var staticWebAppOrigin = 'https://${staticWebApp.outputs.defaultHostname}'
var edgeOrigin = 'https://${frontDoor.?outputs.endpointHostName ?? ''}'
// The host people use: with the edge on, the static web app's own host answers 403 to anything that did not come
// through Front Door, so probes, the smoke test and passkeys all use the edge's.
var appHost = edgeEnabled ? (frontDoor.?outputs.endpointHostName ?? '') : staticWebApp.outputs.defaultHostname
var appOrigin = 'https://${appHost}'
var passkeyRpId = !empty(webPasskeyRpId) ? webPasskeyRpId : appHost
var awsSessionDuration = awsSessionDurationMinutes == 60 ? '01:00:00' : '00:${padLeft(string(awsSessionDurationMinutes), 2, '0')}:00'

// The Functions host only serves HTTP triggers, so it needs blobs (keys, leases, deployment package)
// and tables (the app's own data, the host's diagnostic events) but no queues.
module appRoles 'modules/role-assignments.bicep' = {
  name: 'app-role-assignments'
  // The vault is named, not referenced, here: wait for it explicitly.
  dependsOn: [
    keyVault
  ]
  params: {
    principalId: identity.outputs.principalId
    principalType: 'ServicePrincipal'
    storageAccountName: storage.outputs.name
    storageRoleDefinitionIds: [
      roles.storageTableDataContributor
      roles.storageBlobDataOwner
    ]
    keyVaultName: names.keyVault
    // Every mode reads the sign-in keys; AccessKey mode the AWS secret as well.
    keyVaultRoleDefinitionIds: [roles.keyVaultSecretsUser]
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    applicationInsightsRoleDefinitionIds: [
      roles.monitoringMetricsPublisher
    ]
  }
}

module operatorRoles 'modules/role-assignments.bicep' = [
  for (operator, i) in operators: {
    name: 'operator-role-assignments-${i}'
    params: {
      principalId: operator.principalId
      principalType: operator.?principalType ?? 'User'
      storageAccountName: storage.outputs.name
      storageRoleDefinitionIds: [
        roles.storageTableDataContributor
      ]
      applicationInsightsName: monitoring.outputs.applicationInsightsName
    }
  }
]

// Whoever runs scripts/login-keys.sh writes the two sign-in keys, once; the app itself may only read them.
module keyWriterRoles 'modules/role-assignments.bicep' = if (!empty(keyWriterPrincipalId)) {
  name: 'key-writer-role-assignments'
  dependsOn: [
    keyVault
  ]
  params: {
    principalId: keyWriterPrincipalId
    principalType: keyWriterPrincipalType
    storageAccountName: storage.outputs.name
    keyVaultName: names.keyVault
    keyVaultRoleDefinitionIds: [roles.keyVaultSecretsOfficer]
    applicationInsightsName: monitoring.outputs.applicationInsightsName
  }
}

// Reading the audit trail needs no other right: the reader's role is scoped to the Audit table alone.
module auditReaderRole 'modules/table-role-assignment.bicep' = if (!empty(auditReaderPrincipalId)) {
  name: 'audit-reader-role-assignment'
  params: {
    principalId: auditReaderPrincipalId
    principalType: auditReaderPrincipalType
    storageAccountName: storage.outputs.name
    tableName: auditTableName
    roleDefinitionId: roles.storageTableDataReader
  }
}

module functionApp 'modules/function-app.bicep' = {
  name: 'function-app'
  // The app resolves its Key Vault reference and reads host storage at start-up: grant first.
  dependsOn: [
    appRoles
  ]
  params: {
    name: names.functionApp
    planName: names.functionPlan
    location: location
    // azd deploys the "api" service (azure.yaml) to the resource carrying this tag.
    tags: union(allTags, { 'azd-service-name': 'api' })
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    storageBlobEndpoint: storage.outputs.blobEndpoint
    deploymentContainerName: storage.outputs.deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    maximumInstanceCount: functionMaximumInstanceCount
    instanceMemoryMB: functionInstanceMemoryMB
    usersServiceUri: storage.outputs.tableEndpoint
    usersTableName: usersTableName
    sessionsTableName: sessionsTableName
    auditTableName: auditTableName
    auditRetentionDays: auditRetentionDays
    sessionIdleTimeout: sessionIdleTimeout
    sessionRevalidateAfter: sessionRevalidateAfter
    auditShards: auditShards
    sessionAbsoluteTimeout: sessionAbsoluteTimeout
    awsRegion: awsRegion
    awsCredentialSource: awsCredentialSource
    awsWebIdentityAudience: awsWebIdentityAudience
    awsAccessKeyId: awsAccessKeyId
    awsKeyVaultReferenceUri: keyVault.outputs.awsKeyVaultReferenceUri
    loginSecretsKeyReferenceUri: keyVault.outputs.loginSecretsKeyReferenceUri
    loginDeviceKeyReferenceUri: keyVault.outputs.loginDeviceKeyReferenceUri
    awsRoleArn: awsRoleArn
    awsSessionDuration: awsSessionDuration
    filesBucket: filesBucket
    filesLocations: filesLocations
    filesDefaultPrefixes: filesDefaultPrefixes
    filesDownloadUrlLifetime: filesDownloadUrlLifetime
    loginMaxFailedAttempts: loginMaxFailedAttempts
    loginLockoutDuration: loginLockoutDuration
    loginPasswordHashIterations: loginPasswordHashIterations
    throttleRequestsPerSecond: throttleRequestsPerSecond
    throttleBurst: throttleBurst
    throttleLoginPerClientPerMinute: throttleLoginPerClientPerMinute
    // With the edge on, the page is also served from the Front Door endpoint: sign-ins come from there.
    webAllowedOrigins: join(concat([staticWebAppOrigin], edgeEnabled ? [edgeOrigin] : [], webExtraAllowedOrigins), ',')
    webClientAddressHeader: clientAddressHeader
    webPasskeyRpId: passkeyRpId
    webRequiredFrontDoorId: frontDoor.?outputs.frontDoorId ?? ''
    loginSecondFactor: loginSecondFactor
    loginOpenEnrollmentUntil: loginOpenEnrollmentUntil
    groupsTableName: groupsTableName
    loginPasskeysTableName: loginPasskeysTableName
    loginPendingStepsTableName: loginPendingStepsTableName
    loginChallengesTableName: loginChallengesTableName
    loginRecentAuthWindow: loginRecentAuthWindow
    loginTemporaryPasswordLifetime: loginTemporaryPasswordLifetime
    loginMinPasswordLength: loginMinPasswordLength
    sessionsIndexTableName: sessionsIndexTableName
    sessionsMaxPerUser: sessionsMaxPerUser
    extraSettings: appSettings
  }
}

module staticWebAppBackend 'modules/static-web-app-backend.bicep' = {
  name: 'static-web-app-backend'
  params: {
    staticWebAppName: staticWebApp.outputs.name
    backendResourceId: functionApp.outputs.id
    backendLocation: functionApp.outputs.location
  }
}

module alerts 'modules/alerts.bicep' = {
  name: 'alerts'
  params: {
    namePrefix: 'filebridge-${resourceToken}'
    location: location
    tags: allTags
    applicationInsightsId: monitoring.outputs.applicationInsightsId
    logAnalyticsId: monitoring.outputs.logAnalyticsId
    // Where people reach the API: the Function App's own URL answers 401 once linked, and with the edge on the
    // static web app's own host refuses what did not come through Front Door.
    readinessUrl: '${appOrigin}/api/health/ready'
    alertEmailAddress: alertEmailAddress
    runbookBaseUrl: runbookUrl
    serverErrorThreshold: alertServerErrorThreshold
    throttledThreshold: alertThrottledThreshold
    lockoutSprayThreshold: alertLockoutSprayThreshold
  }
}

// ---------------------------------------------------------------------------
// Outputs (read by the deploy steps in README.md)
// ---------------------------------------------------------------------------

@description('Resource group the deployment went into.')
output AZURE_RESOURCE_GROUP string = resourceGroup().name

@description('Region of the Function App and its resources.')
output AZURE_LOCATION string = location

@description('Name of the Function App to publish to.')
output FUNCTION_APP_NAME string = functionApp.outputs.name

@description('Name of the static web app to deploy the web page to.')
output STATIC_WEB_APP_NAME string = staticWebApp.outputs.name

@description('Host name of the static web app.')
output STATIC_WEB_APP_HOSTNAME string = staticWebApp.outputs.defaultHostname

@description('URL of the static web app\'s own host (with the edge on, it answers only requests that came through Front Door).')
output STATIC_WEB_APP_URL string = 'https://${staticWebApp.outputs.defaultHostname}'

@description('URL people open to use FileBridge, and the one the smoke test and the availability test ask: the edge\'s with edgeEnabled, otherwise the static web app\'s.')
output APP_URL string = appOrigin

@description('Name of the Key Vault that holds the sign-in keys (scripts/login-keys.sh writes them) and, in AccessKey mode, the AWS secret access key.')
output KEY_VAULT_NAME string = names.keyVault

@description('Name of the storage account holding the Users and Sessions tables.')
output STORAGE_ACCOUNT_NAME string = storage.outputs.name

@description('Resource id of the storage account: operators\' table role is scoped to it.')
output STORAGE_ACCOUNT_ID string = storage.outputs.id

@description('Table endpoint to set as Users__ServiceUri when running the admin tool.')
output USERS_SERVICE_URI string = storage.outputs.tableEndpoint

@description('True when Azure Front Door with the WAF rate-limit policy fronts the static web app.')
output EDGE_ENABLED bool = edgeEnabled

@description('URL people open when the edge is on (the Front Door endpoint); empty when it is off.')
output EDGE_URL string = edgeEnabled ? edgeOrigin : ''

@description('Front Door ID (X-Azure-FDID) to require in the static web app\'s forwardingGateway so that it accepts traffic only through the edge; empty when the edge is off.')
output FRONT_DOOR_ID string = frontDoor.?outputs.frontDoorId ?? ''

@description('Object (principal) id of the managed identity: the sub that the AWS role\'s web identity trust pins (ManagedIdentityPrincipalId in aws/filebridge-aws.yaml).')
output MANAGED_IDENTITY_PRINCIPAL_ID string = identity.outputs.principalId

@description('Entra ID tenant that issues the managed identity\'s tokens (EntraTenantId in aws/filebridge-aws.yaml).')
output AZURE_TENANT_ID string = tenant().tenantId
