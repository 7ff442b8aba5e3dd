metadata description = 'Web application firewall policy for Azure Front Door that holds the seed\'s usage plan at the edge: per client address, a limit on all /api requests and a tighter one on sign-ins, counted on the TCP peer address, which a client cannot forge.'

@description('Name of the WAF policy (letters and digits only, starting with a letter).')
param name string

@description('Tags applied to the policy.')
param tags object

@description('Front Door tier the policy attaches to; it must match the profile\'s SKU.')
@allowed([
  'Standard_AzureFrontDoor'
  'Premium_AzureFrontDoor'
])
param skuName string

@description('Requests to /api one client address may send per minute before the edge answers 429 (the app\'s Throttle:RequestsPerSecond times 60).')
@minValue(1)
param apiRequestsPerMinute int

@description('Sign-in attempts (POST /api/auth/login) one client address may send per minute before the edge answers 429 (Throttle:LoginPerClientPerMinute).')
@minValue(1)
param signInRequestsPerMinute int

// Problem details like the app's own 429, so the web page reads both the same way.
var blockedBody = {
  type: 'about:blank'
  title: 'Too many requests'
  status: 429
  code: 'rate_limited'
  detail: 'Too many requests from this address. Try again in a minute.'
}

// Both rules match on the decoded, lower-cased URI, so /API/ or %2Fapi%2F count like /api/.
var uriTransforms = [
  'Lowercase'
  'UrlDecode'
]

resource policy 'Microsoft.Network/FrontDoorWebApplicationFirewallPolicies@2025-03-01' = {
  name: name
  location: 'global'
  tags: tags
  sku: {
    name: skuName
  }
  properties: {
    policySettings: {
      enabledState: 'Enabled'
      mode: 'Prevention'
      requestBodyCheck: 'Enabled'
      customBlockResponseStatusCode: 429
      customBlockResponseBody: base64(string(blockedBody))
    }
    customRules: {
      rules: [
        {
          name: 'SignInPerClientAddress'
          priority: 10
          enabledState: 'Enabled'
          ruleType: 'RateLimitRule'
          rateLimitDurationInMinutes: 1
          rateLimitThreshold: signInRequestsPerMinute
          groupBy: [
            {
              variableName: 'SocketAddr'
            }
          ]
          matchConditions: [
            {
              matchVariable: 'RequestMethod'
              operator: 'Equal'
              matchValue: [
                'POST'
              ]
            }
            {
              matchVariable: 'RequestUri'
              operator: 'Contains'
              transforms: uriTransforms
              matchValue: [
                '/api/auth/login'
              ]
            }
          ]
          action: 'Block'
        }
        {
          name: 'ApiPerClientAddress'
          priority: 20
          enabledState: 'Enabled'
          ruleType: 'RateLimitRule'
          rateLimitDurationInMinutes: 1
          rateLimitThreshold: apiRequestsPerMinute
          groupBy: [
            {
              variableName: 'SocketAddr'
            }
          ]
          matchConditions: [
            {
              matchVariable: 'RequestUri'
              operator: 'Contains'
              transforms: uriTransforms
              matchValue: [
                '/api/'
              ]
            }
          ]
          action: 'Block'
        }
      ]
    }
  }
}

@description('Resource ID of the WAF policy.')
output id string = policy.id

@description('Name of the WAF policy.')
output name string = policy.name
