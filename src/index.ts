/**
 * The side-effect-free main entry: element classes (not registered) and the pure helpers, for
 * people who build their own views or register the elements under other names.
 */
export * from './core/issues.js';
export * from './core/read.js';
export * from './core/metric.js';
export * from './core/format.js';
export * from './core/delta.js';
export * from './core/links.js';
export * from './core/anomaly.js';
export * from './core/parse.js';
export { idFromName } from './core/ids.js';
export { NswElement, type Theme } from './base/nsw-element.js';
export { defineElement, VERSION } from './base/define.js';
export type * from './base/events.js';
export { NorthStarCard } from './north-star-card/north-star-card.js';
export {
  normalizeCard, computeCard, cardFromCsv, cardSummary, guardrailStatus,
  type CardModel, type CardComputed, type Guardrail, type GuardrailResult, type GuardrailStatus, type TargetResult,
} from './north-star-card/card-model.js';
export { sparklineLayout, type SparklineLayout, type SparklinePoint } from './north-star-card/sparkline-layout.js';
export { GoalProgress, type GoalView } from './goal-progress/goal-progress.js';
export {
  goalProgress, expectedProgress, goalStatus, linearTrend, trendAt, estimateEta, requiredRatePerWeek, computeGoalStats,
  computeObjectiveStats, parseRelativeTarget, applyRelativeTarget, GOAL_STATUSES, BOUNDARY_EPSILON,
  type GoalStatus, type GoalStats, type ObjectiveStats, type GoalFigures, type Trend as GoalTrend,
} from './goal-progress/goal-math.js';
export {
  normalizeGoal, readKeyResult, DEFAULT_TOLERANCE, GOAL_CSV_MESSAGE, type GoalModel, type KeyResult, type Objective,
} from './goal-progress/goal-data.js';
export { FunnelChart } from './funnel-chart/funnel-chart.js';
export {
  analyzeFunnel, wilsonInterval, twoProportionTest, normalCdf, ratio as funnelRatio, Z_95, SMALL_SAMPLE,
  type FunnelAnalysis, type FunnelStepStats, type FunnelStepDetail, type FunnelStepInput, type SegmentStats, type ProportionTest,
} from './funnel-chart/funnel-math.js';
export { normalizeFunnel, funnelFromCsv, type FunnelModel, type FunnelStep } from './funnel-chart/funnel-data.js';
export { layoutFunnel, percentText as funnelPercentText, type FunnelView, type StepView as FunnelStepView, type Orientation as FunnelOrientation } from './funnel-chart/funnel-layout.js';
export { MetricTree } from './metric-tree/metric-tree.js';
export { normalizeTree, pathToRoot, nodeLabel as treeNodeLabel, RELATIONS, FORMULAS, type TreeNode, type MetricTreeData, type Relation, type Formula } from './metric-tree/tree-data.js';
export { computeContributions, contributionsOf, topDriverOf, checkFormula, evaluateFormula, driversOf, FORMULA_TOLERANCE, type Contribution, type FormulaCheck, type TreeContributions } from './metric-tree/contribution.js';
export { layoutTree, measureCard, estimateTextWidth, truncateText, fitTransform, visibleRect, cull as cullTree, panIntoView, type TreeLayout, type LayoutNode as TreeLayoutNode, type LayoutLink as TreeLayoutLink, type Orientation as TreeOrientation, type ViewTransform, type Rect as TreeRect } from './metric-tree/tree-layout.js';
