/**
 * The audit page's words for rota changes: overrides with the rules broken (each with the
 * person and time), shifts before and after, and the actions added with the change path.
 */
export const auditChanges = {
  en: {
    'audit.override': 'Rules broken on purpose, because: “{reason}”',
    'audit.ruleBreak': '{name}, {time}: {rule}',
    'audit.ruleBreakWeek': '{name}: {rule}',
    'audit.shift': '{name}: {start}–{end} ({channel})',
    'audit.action.rota.change': 'Rota changed',
    'audit.action.rota.publish.reviewed': 'Rota published after review',
    'audit.action.account.email_changed': 'E-mail address changed',
    'audit.action.account.password_changed': 'Password changed',
    'audit.action.password.reset_by_link': 'Password reset by link',
    'audit.action.password.reset_requested': 'Password reset asked for',
  },
  ka: {
    'audit.override': 'შეგნებულად დარღვეული წესები, მიზეზი: „{reason}“',
    'audit.ruleBreak': '{name}, {time}: {rule}',
    'audit.ruleBreakWeek': '{name}: {rule}',
    'audit.shift': '{name}: {start}–{end} ({channel})',
    'audit.action.rota.change': 'განრიგში ცვლილება შევიდა',
    'audit.action.rota.publish.reviewed': 'განრიგი გამოქვეყნდა განხილვის შემდეგ',
    'audit.action.account.email_changed': 'ელფოსტის მისამართი შეიცვალა',
    'audit.action.account.password_changed': 'პაროლი შეიცვალა',
    'audit.action.password.reset_by_link': 'პაროლი აღდგა ბმულით',
    'audit.action.password.reset_requested': 'პაროლის აღდგენა მოთხოვნილია',
  },
};
