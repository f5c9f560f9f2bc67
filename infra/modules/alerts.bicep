// Alerts on the host's logs in Application Insights: a failed run (including an email refused for good or left
// unconfirmed), a message poisoned on a queue (the host records it and logs an error the moment the queue receives
// it), a recipient SendGrid could not deliver to (bounce or drop, matched by log event id), and no monthly cycle in 35
// days. One failure raises one alert: a transient email failure the queue retries is a Retrying run (no alert), and a
// poisoned message alerts through the poison rule only.

param name string
param location string
param tags object
param insightsId string

@description('Who is told: the operations team\'s address.')
param opsEmail string

resource opsGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'ag-${name}'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: take('sendfx${uniqueString(name)}', 12)
    enabled: true
    emailReceivers: [
      {
        name: 'ops'
        emailAddress: opsEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

var rules = [
  {
    key: 'run-failed'
    description: 'A function run was recorded with outcome Failed (runs table, log event 4000): for an email, refused for good or Unconfirmed.'
    severity: 1
    frequency: 'PT5M'
    query: 'traces | where message startswith "Run " and message has " Failed for "'
  }
  {
    key: 'poison-queue-not-empty'
    description: 'A message failed every attempt and reached a -poison queue (log event 3002; an email\'s delivery row then says Poisoned or Unconfirmed).'
    severity: 1
    frequency: 'PT5M'
    query: 'traces | where message startswith "Poisoned message on "'
  }
  {
    key: 'recipient-not-delivered'
    description: 'SendGrid reported a bounce or drop: a recipient did not get an email (log event 3100; sendfx deliveries shows who and why).'
    severity: 2
    frequency: 'PT15M'
    query: 'traces | where tostring(customDimensions.EventId) == "3100"'
  }
  {
    key: 'config-invalid'
    description: 'config/reporting.json has an error, found when it was uploaded or the host started (log event 1004): nothing that needs it is generated or sent until it is fixed; sendfx config check names each problem and its fix.'
    severity: 2
    frequency: 'PT15M'
    query: 'traces | where tostring(customDimensions.EventId) == "1004"'
  }
  {
    key: 'no-monthly-report-cycle'
    description: 'No MonthlyReportCycle run in 35 days (CycleWatch, log event 4001).'
    severity: 2
    frequency: 'PT1H'
    query: 'traces | where message startswith "No MonthlyReportCycle run in the last"'
  }
]

resource alertRules 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = [for rule in rules: {
  name: 'alert-${name}-${rule.key}'
  location: location
  tags: tags
  properties: {
    displayName: '${name}: ${rule.key}'
    description: rule.description
    severity: rule.severity
    enabled: true
    scopes: [
      insightsId
    ]
    evaluationFrequency: rule.frequency
    windowSize: rule.frequency
    criteria: {
      allOf: [
        {
          query: rule.query
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: {
      actionGroups: [
        opsGroup.id
      ]
    }
  }
}]
