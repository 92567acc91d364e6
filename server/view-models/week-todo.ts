/** Template data for the "left to do" card (rota page and Home). */
import type { Translator } from '../i18n';
import type { WeekToDo } from '../../app/week-todo';

export function weekToDoView(todo: WeekToDo, t: Translator) {
  return {
    weekStart: todo.weekStart,
    done: todo.items.length === 0,
    items: todo.items.map((i) => ({
      code: i.code,
      text: t(`todo.${i.code}`, { n: i.count, revision: i.revision ?? '', hours: i.shortHours }),
      href: i.href,
    })),
  };
}
