import { defineElement } from './base/define.js';
import { GoalProgress } from './goal-progress/goal-progress.js';

defineElement('goal-progress', GoalProgress);

export { GoalProgress };

declare global {
  interface HTMLElementTagNameMap {
    'goal-progress': GoalProgress;
  }
}
