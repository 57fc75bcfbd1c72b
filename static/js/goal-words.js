// An exercise's goal in words. The server checks the goal and writes every number and the choice
// of sentence (session/GoalWords.java); each frame's and state message's `goal` object carries
// them as messages ({id, params}) whose templates are msg.goal.* in strings.json. So this module
// holds no rule and no number format: it renders those messages in the page's language.
// Pure functions; `i18n` is an I18n (i18n.js) or anything with its say(detail, english).

/** "test loss below 0.1" / "테스트 손실 0.1 미만"; '' without a goal. */
export function goalWords(goal, i18n) {
  if (!goal) return '';
  return i18n.say(goal.words, `${goal.metric}${goal.comparison}${goal.value}`);
}

/**
 * The banner's status: {text, kind}, kind 'pending', 'met' or 'spent' (a class for the banner), e.g.
 * "reached at epoch 1,234 (12.3 s); now 0.13", "not reached yet — best 0.21",
 * "the budget of 500 epochs ran out — best 0.21; reset to try again". Null without a goal.
 */
export function goalStatus(goal, i18n) {
  if (!goal) return null;
  return { text: i18n.say(goal.status, ''), kind: goal.kind };
}
