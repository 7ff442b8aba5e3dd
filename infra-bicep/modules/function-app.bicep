metadata description = 'Flex Consumption (FC1) plan and the Linux .NET isolated Function App that runs the FileBridge broker, with identity-based host storage, Key Vault references for the sign-in keys and the AWS secret, and every FileBridge app setting.'

@description('Name of the Function App.')
param name string

@description('Name of the Flex Consumption plan.')
param planName string

@description('Azure region for the plan and the app.')
param location string

@description('Tags applied to the plan and the app.')
param tags object

@description('Resource ID of the user-assigned managed identity the app runs as.')
param identityId string

@description('Client ID of the user-assigned managed identity.')
param identityClientId string

@description('Name of the storage account used as host storage (AzureWebJobsStorage).')
param storageAccountName string

@description('Blob endpoint of the host storage account, ending in a slash.')
param storageBlobEndpoint string

@description('Name of the blob container that holds deployment packages.')
param deploymentContainerName string

@description('Connection string of the Application Insights component.')
param applicationInsightsConnectionString string

@description('Highest number of instances the app may scale out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

@description('Memory per instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@description('Table endpoint of the storage account that holds the Users and Sessions tables (Users:ServiceUri).')
param usersServiceUri string

@description('Name of the user table (Users:TableName).')
param usersTableName string

@description('Name of the session table (Sessions:TableName).')
param sessionsTableName string

@description('Name of the audit table (Audit:TableName).')
param auditTableName string

@description('Days an audit row is kept (Audit:RetentionDays).')
param auditRetentionDays int

@description('Idle timeout of a session as a TimeSpan (Sessions:IdleTimeout).')
param sessionIdleTimeout string

@description('Absolute lifetime of a session as a TimeSpan (Sessions:AbsoluteTimeout).')
param sessionAbsoluteTimeout string

@description('How old an instance\'s copy of a session, user or group row may be before it is read again (Sessions:RevalidateAfter).')
param sessionRevalidateAfter string

@description('Partitions an audit day is split into (Audit:Shards).')
param auditShards int

@description('AWS region of the bucket and of STS (Aws:Region).')
param awsRegion string

@description('WebIdentity (keyless) or AccessKey (Aws:CredentialSource).')
@allowed([
  'WebIdentity'
  'AccessKey'
])
param awsCredentialSource string

@description('WebIdentity only: the audience of the managed identity\'s token (Aws:WebIdentityAudience).')
param awsWebIdentityAudience string

@description('AccessKey only: access key ID of the broker IAM user (Aws:AccessKeyId); an identifier, not a secret.')
param awsAccessKeyId string

@description('AccessKey only: versionless Key Vault URI of the secret holding the broker IAM user\'s secret access key (Aws:SecretAccessKey).')
param awsKeyVaultReferenceUri string

@description('ARN of the read-only role the broker assumes (Aws:RoleArn).')
param awsRoleArn string

@description('Lifetime of assumed-role credentials as a TimeSpan (Aws:SessionDuration).')
param awsSessionDuration string

@description('Name of the S3 bucket (Files:Bucket); empty when filesLocations names the buckets.')
param filesBucket string

@description('Named locations (Files:Locations): objects { name, bucket, prefix?, roleArn?, region? }.')
param filesLocations array

@description('Semicolon-separated prefixes for users whose record names none, or * alone for the whole bucket; empty means such users see nothing (Files:DefaultPrefixes). Prefixes must not hold *, ? or \${.')
param filesDefaultPrefixes string

@description('Lifetime of presigned download links as a TimeSpan (Files:DownloadUrlLifetime).')
param filesDownloadUrlLifetime string

@description('Failed sign-ins before a user is locked out (Login:MaxFailedAttempts).')
param loginMaxFailedAttempts int

@description('How long a lockout lasts as a TimeSpan (Login:LockoutDuration).')
param loginLockoutDuration string

@description('PBKDF2 iterations for new password hashes (Login:PasswordHashIterations).')
param loginPasswordHashIterations int

@description('Table of lockout counters for names that are not accounts (Login:AttemptsTableName).')
param loginAttemptsTableName string = 'LoginAttempts'

@description('Requests per second a signed-in user or an anonymous client address may make (Throttle:RequestsPerSecond).')
param throttleRequestsPerSecond int

@description('Requests a user or client address may make at once above its steady rate (Throttle:Burst).')
param throttleBurst int

@description('Sign-in attempts per minute from one client address (Throttle:LoginPerClientPerMinute).')
param throttleLoginPerClientPerMinute int

@description('Origins besides the app\'s own that may call state-changing routes, comma-separated (Web:AllowedOrigins).')
param webAllowedOrigins string

@description('Header the platform puts the client address in; the app takes its right-most entry, never an entry a client wrote (Web:ClientAddressHeader).')
param webClientAddressHeader string

@description('Relying party id of passkeys: the host people use (Web:PasskeyRpId).')
param webPasskeyRpId string

@description('Front Door ID every request must carry as X-Azure-FDID when the edge is on (Web:RequiredFrontDoorId); empty without the edge.')
param webRequiredFrontDoorId string

@description('Off, Optional or Required (Login:SecondFactor).')
param loginSecondFactor string

@description('UTC date until which enrolment with the password alone is open (Login:EnrollWithPasswordUntil); empty: not set.')
param loginOpenEnrollmentUntil string

@description('Name of the group table (Groups:TableName).')
param groupsTableName string

@description('Versionless Key Vault URI of the secret holding Login:SecretsKey (encrypts TOTP secrets).')
// The name says secret or password; the value is the address of the secret, not the secret.
#disable-next-line secure-secrets-in-params
param loginSecretsKeyReferenceUri string

@description('Versionless Key Vault URI of the secret holding Login:DeviceKey (MACs device cookies).')
param loginDeviceKeyReferenceUri string

@description('Name of the passkey table (Login:PasskeysTableName).')
param loginPasskeysTableName string

@description('Name of the pending sign-in step table (Login:PendingStepsTableName).')
param loginPendingStepsTableName string

@description('Name of the passkey challenge table (Login:ChallengesTableName).')
param loginChallengesTableName string

@description('Window after a sign-in or re-authentication for factor changes, as a TimeSpan (Login:RecentAuthWindow).')
param loginRecentAuthWindow string

@description('Lifetime of a temporary password as a TimeSpan (Login:TemporaryPasswordLifetime).')
// The name says secret or password; the value is a lifetime, not a password.
#disable-next-line secure-secrets-in-params
param loginTemporaryPasswordLifetime string

@description('Fewest characters a password may have (Login:MinPasswordLength).')
param loginMinPasswordLength int

@description('Name of the per-person session index (Sessions:IndexTableName).')
param sessionsIndexTableName string

@description('Live sessions a person may have at once (Sessions:MaxPerUser).')
param sessionsMaxPerUser int

@description('Further app settings by name; main.bicep refuses names set here.')
param extraSettings object

// Every setting but how the app authenticates to AWS. Variables (not inline arrays) so the compiled
// template keeps them as data that tests can read.
var commonSettings = [
  // Host storage through the managed identity: no connection string, no account key.
  {
    name: 'AzureWebJobsStorage__accountName'
    value: storageAccountName
  }
  {
    name: 'AzureWebJobsStorage__credential'
    value: 'managedidentity'
  }
  {
    name: 'AzureWebJobsStorage__clientId'
    value: identityClientId
  }
  // DefaultAzureCredential in the app picks the user-assigned identity from this.
  {
    name: 'AZURE_CLIENT_ID'
    value: identityClientId
  }
  {
    name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
    value: applicationInsightsConnectionString
  }
  {
    name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'
    value: 'ClientId=${identityClientId};Authorization=AAD'
  }
  {
    name: 'Users__ServiceUri'
    value: usersServiceUri
  }
  {
    name: 'Users__TableName'
    value: usersTableName
  }
  {
    name: 'Sessions__TableName'
    value: sessionsTableName
  }
  {
    name: 'Audit__TableName'
    value: auditTableName
  }
  {
    name: 'Audit__RetentionDays'
    value: string(auditRetentionDays)
  }
  {
    name: 'Sessions__IdleTimeout'
    value: sessionIdleTimeout
  }
  {
    name: 'Sessions__AbsoluteTimeout'
    value: sessionAbsoluteTimeout
  }
  {
    name: 'Sessions__RevalidateAfter'
    value: sessionRevalidateAfter
  }
  {
    name: 'Audit__Shards'
    value: string(auditShards)
  }
  {
    name: 'Aws__Region'
    value: awsRegion
  }
  {
    name: 'Aws__RoleArn'
    value: awsRoleArn
  }
  {
    name: 'Aws__SessionDuration'
    value: awsSessionDuration
  }
  {
    name: 'Files__DefaultPrefixes'
    value: filesDefaultPrefixes
  }
  {
    name: 'Files__DownloadUrlLifetime'
    value: filesDownloadUrlLifetime
  }
  {
    name: 'Login__MaxFailedAttempts'
    value: string(loginMaxFailedAttempts)
  }
  {
    name: 'Login__LockoutDuration'
    value: loginLockoutDuration
  }
  {
    name: 'Login__PasswordHashIterations'
    value: string(loginPasswordHashIterations)
  }
  {
    name: 'Login__AttemptsTableName'
    value: loginAttemptsTableName
  }
  {
    name: 'Throttle__RequestsPerSecond'
    value: string(throttleRequestsPerSecond)
  }
  {
    name: 'Throttle__Burst'
    value: string(throttleBurst)
  }
  {
    name: 'Throttle__LoginPerClientPerMinute'
    value: string(throttleLoginPerClientPerMinute)
  }
  {
    name: 'Web__AllowedOrigins'
    value: webAllowedOrigins
  }
  {
    name: 'Web__ClientAddressHeader'
    value: webClientAddressHeader
  }
  {
    name: 'Web__PasskeyRpId'
    value: webPasskeyRpId
  }
  {
    name: 'Login__SecondFactor'
    value: loginSecondFactor
  }
  {
    name: 'Groups__TableName'
    value: groupsTableName
  }
  // The sign-in keys: Key Vault references in every mode, never values (they must not live in the storage account).
  {
    name: 'Login__SecretsKey'
    value: '@Microsoft.KeyVault(SecretUri=${loginSecretsKeyReferenceUri})'
  }
  {
    name: 'Login__DeviceKey'
    value: '@Microsoft.KeyVault(SecretUri=${loginDeviceKeyReferenceUri})'
  }
  {
    name: 'Login__PasskeysTableName'
    value: loginPasskeysTableName
  }
  {
    name: 'Login__PendingStepsTableName'
    value: loginPendingStepsTableName
  }
  {
    name: 'Login__ChallengesTableName'
    value: loginChallengesTableName
  }
  {
    name: 'Login__RecentAuthWindow'
    value: loginRecentAuthWindow
  }
  {
    name: 'Login__TemporaryPasswordLifetime'
    value: loginTemporaryPasswordLifetime
  }
  {
    name: 'Login__MinPasswordLength'
    value: string(loginMinPasswordLength)
  }
  {
    name: 'Sessions__IndexTableName'
    value: sessionsIndexTableName
  }
  {
    name: 'Sessions__MaxPerUser'
    value: string(sessionsMaxPerUser)
  }
]

// Written only when given: an empty value would not mean "the app's default" to every option. A variable of its
// own (not inline) so the compiled template keeps the list as data.
var optionalSettingCandidates = [
  {
    name: 'Files__Bucket'
    value: filesBucket
  }
  {
    name: 'Web__RequiredFrontDoorId'
    value: webRequiredFrontDoorId
  }
  {
    name: 'Login__EnrollWithPasswordUntil'
    value: loginOpenEnrollmentUntil
  }
]
var optionalSettings = filter(optionalSettingCandidates, setting => !empty(setting.value))

// Files:Locations:<i>:<Field>, each optional field only when the location gives it.
var locationSettings = flatten(map(range(0, length(filesLocations)), i => concat(
  [
    {
      name: 'Files__Locations__${i}__Name'
      value: filesLocations[i].name
    }
    {
      name: 'Files__Locations__${i}__Bucket'
      value: filesLocations[i].bucket
    }
  ],
  map(
    filter(
      [
        { field: 'Prefix', value: filesLocations[i].?prefix ?? '' }
        { field: 'RoleArn', value: filesLocations[i].?roleArn ?? '' }
        { field: 'Region', value: filesLocations[i].?region ?? '' }
      ],
      f => !empty(f.value)
    ),
    f => {
      name: 'Files__Locations__${i}__${f.field}'
      value: f.value
    }
  )
)))

var extraAppSettings = map(items(extraSettings), setting => {
  name: setting.key
  value: string(setting.value)
})

// Per Aws:CredentialSource. Keyless: the audience only; no key, no secret, no Key Vault reference.
var awsCredentialSettings = {
  WebIdentity: [
    {
      name: 'Aws__CredentialSource'
      value: 'WebIdentity'
    }
    {
      name: 'Aws__WebIdentityAudience'
      value: awsWebIdentityAudience
    }
  ]
  AccessKey: [
    {
      name: 'Aws__CredentialSource'
      value: 'AccessKey'
    }
    {
      name: 'Aws__AccessKeyId'
      value: awsAccessKeyId
    }
    {
      name: 'Aws__SecretAccessKey'
      value: '@Microsoft.KeyVault(SecretUri=${awsKeyVaultReferenceUri})'
    }
  ]
}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      http20Enabled: true
      // The complete list: a provision replaces every app setting, so what is not here is gone afterwards.
      appSettings: concat(commonSettings, awsCredentialSettings[awsCredentialSource], optionalSettings, locationSettings, extraAppSettings)
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// Deployments authenticate with Microsoft Entra ID; publishing user names and passwords stay off.
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: functionApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: functionApp
  name: 'scm'
  properties: {
    allow: false
  }
}

@description('Resource ID of the Function App.')
output id string = functionApp.id

@description('Name of the Function App.')
output name string = functionApp.name

@description('Azure region of the Function App, needed when linking it to a static web app.')
output location string = functionApp.location

@description('Default host name of the Function App.')
output defaultHostname string = functionApp.properties.defaultHostName
