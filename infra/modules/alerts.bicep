// Alerts on the host's logs in Application Insights: a failed or poisoned run, a message poisoned on a
// queue (the host records it and logs an error the moment the queue receives it), a recipient SendGrid could not
// deliver to (bounce or drop, matched by log event id), and no monthly cycle in 35 days.

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
    key: 'run-failed-or-poisoned'
    description: 'A function run was recorded with outcome Failed or Poisoned (runs table, log event 4000).'
    severity: 1
    frequency: 'PT5M'
    query: 'traces | where message startswith "Run " and (message has " Failed for " or message has " Poisoned for ")'
  }
  {
    key: 'poison-queue-not-empty'
    description: 'A message failed every attempt and reached a -poison queue (log event 3002).'
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
