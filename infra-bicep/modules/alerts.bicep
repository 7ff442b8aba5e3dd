metadata description = 'Operations: an action group that e-mails the operators, an availability test on the static web app\'s readiness route, and alerts on readiness failing, the 5xx rate, the STS breaker being open, a spike in throttled sign-ins and many names locked out at once (password spraying).'

@description('Prefix of every resource name in this module.')
param namePrefix string

@description('Azure region of the availability test (the action group and the alert rules are global or follow it).')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Resource ID of the Application Insights component the availability test reports to.')
param applicationInsightsId string

@description('Resource ID of the Log Analytics workspace behind Application Insights (the log alerts query it).')
param logAnalyticsId string

@description('URL the availability test requests: the static web app\'s /api/health/ready.')
param readinessUrl string

@description('E-mail address the action group notifies; empty creates the action group without a receiver.')
param alertEmailAddress string

@description('Where the runbooks are: the README\'s "Alerts" section; each alert\'s description ends with a link to its own.')
param runbookBaseUrl string

@description('Failed (5xx) requests in five minutes that raise the 5xx alert.')
@minValue(1)
param serverErrorThreshold int

@description('Throttled requests (filebridge.throttled) in five minutes that raise the throttled sign-ins alert.')
@minValue(1)
param throttledThreshold int

@description('Names locked out (filebridge.lockouts, account and unknown-name budgets) in five minutes that raise the password-spraying alert.')
@minValue(1)
param lockoutSprayThreshold int

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: '${namePrefix}-operators'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'filebridge'
    enabled: true
    emailReceivers: empty(alertEmailAddress) ? [] : [
      {
        name: 'operators'
        emailAddress: alertEmailAddress
        useCommonAlertSchema: true
      }
    ]
  }
}

// Asked from three regions every five minutes (each run is billed: three regions keep a small team's bill low
// while two failing regions still mean more than one network path); readiness answers 503 naming what failed.
resource availabilityTest 'Microsoft.Insights/webtests@2022-06-15' = {
  name: '${namePrefix}-ready'
  location: location
  // The hidden link is how Application Insights attaches the test to the component.
  tags: union(tags, {
    'hidden-link:${applicationInsightsId}': 'Resource'
  })
  kind: 'standard'
  properties: {
    SyntheticMonitorId: '${namePrefix}-ready'
    Name: 'FileBridge readiness'
    Enabled: true
    Frequency: 300
    Timeout: 30
    Kind: 'standard'
    RetryEnabled: true
    Locations: [
      { Id: 'emea-nl-ams-azr' }
      { Id: 'emea-gb-db3-azr' }
      { Id: 'us-va-ash-azr' }
    ]
    Request: {
      RequestUrl: readinessUrl
      HttpVerb: 'GET'
      ParseDependentRequests: false
    }
    ValidationRules: {
      ExpectedHttpStatusCode: 200
      SSLCheck: true
      SSLCertRemainingLifetimeCheck: 7
    }
  }
}

resource readinessAlert 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: '${namePrefix}-readiness-failing'
  location: 'global'
  tags: tags
  properties: {
    description: 'GET /api/health/ready failed from two or more test locations: a dependency (users, sts, s3:<location>) does not answer. Runbook: ${runbookBaseUrl}#runbook-readiness-failing'
    severity: 1
    enabled: true
    scopes: [
      availabilityTest.id
      applicationInsightsId
    ]
    evaluationFrequency: 'PT1M'
    windowSize: 'PT5M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.WebtestLocationAvailabilityCriteria'
      webTestId: availabilityTest.id
      componentId: applicationInsightsId
      failedLocationCount: 2
    }
    actions: [
      { actionGroupId: actionGroup.id }
    ]
  }
}

// Log alerts over the workspace-based component's tables; each names what an operator should look at.
var logAlerts = [
  {
    name: 'server-errors'
    description: 'More than ${serverErrorThreshold} requests answered 5xx in five minutes (503 upstream_unavailable included). Runbook: ${runbookBaseUrl}#runbook-server-errors'
    severity: 2
    query: 'AppRequests | where toint(ResultCode) >= 500 | summarize Count = count()'
    threshold: serverErrorThreshold
  }
  {
    name: 'sts-breaker-open'
    description: 'The STS circuit breaker was open (filebridge.breaker.state above 0): AWS STS is failing or unreachable. Runbook: ${runbookBaseUrl}#runbook-sts-breaker-open'
    severity: 1
    query: 'AppMetrics | where Name == "filebridge.breaker.state" | summarize Count = countif(Max > 0)'
    threshold: 0
  }
  {
    name: 'throttled-sign-ins'
    description: 'More than ${throttledThreshold} requests were throttled (filebridge.throttled) in five minutes: a sign-in flood or a misbehaving client. Runbook: ${runbookBaseUrl}#runbook-throttled-sign-ins'
    severity: 2
    query: 'AppMetrics | where Name == "filebridge.throttled" | summarize Count = sum(Sum)'
    threshold: throttledThreshold
  }
  {
    // A budget locks at most once per Login:LockoutDuration (15 min by default, longer than this window), so the
    // locks counted here are distinct names. Known browsers' own budgets are left out: guesses from elsewhere
    // cannot lock them, so they say nothing about spraying.
    name: 'lockout-spray'
    description: 'More than ${lockoutSprayThreshold} distinct names were locked out in five minutes (filebridge.lockouts): password spraying across many accounts. Runbook: ${runbookBaseUrl}#runbook-lockout-spray'
    severity: 1
    query: 'AppMetrics | where Name == "filebridge.lockouts" | where tostring(Properties.budget) != "device" | summarize Count = sum(Sum)'
    threshold: lockoutSprayThreshold
  }
]

resource logAlertRules 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = [
  for alert in logAlerts: {
    name: '${namePrefix}-${alert.name}'
    location: location
    tags: tags
    properties: {
      description: alert.description
      severity: alert.severity
      enabled: true
      scopes: [
        logAnalyticsId
      ]
      evaluationFrequency: 'PT5M'
      windowSize: 'PT5M'
      criteria: {
        allOf: [
          {
            query: alert.query
            timeAggregation: 'Total'
            metricMeasureColumn: 'Count'
            operator: 'GreaterThan'
            threshold: alert.threshold
            failingPeriods: {
              numberOfEvaluationPeriods: 1
              minFailingPeriodsToAlert: 1
            }
          }
        ]
      }
      actions: {
        actionGroups: [
          actionGroup.id
        ]
      }
    }
  }
]

@description('Resource ID of the action group.')
output actionGroupId string = actionGroup.id

@description('Resource ID of the availability test.')
output availabilityTestId string = availabilityTest.id
