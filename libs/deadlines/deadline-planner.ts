import type { DeadlineRules } from '../config/config';
import type { DeadlineSpec } from '../config/deadline-spec';
import type { Level } from '../domain/levels';

/** The part of the working-day calendar that deadlines need. */
export interface WorkingDays {
  deadlineAfter(from: Date, workingDays: number): Date;
  workingDaysBefore(due: Date, workingDays: number): Date;
}

export interface LevelPlan {
  dueAt: string;
  remindAt: string;
  escalateAt: string;
}

/**
 * Turns the rules (working days from the catalogue, or durations from configuration) into instants
 * on the calendar as it stands now; the workflow asks again whenever a timer fires, so a calendar an
 * admin changed later is honoured.
 */
export class DeadlinePlanner {
  constructor(
    private readonly calendar: WorkingDays,
    private readonly rules: DeadlineRules,
    private readonly catalogueDays: Record<Level, number>,
  ) {}

  level(level: Level, enteredAt: Date, dueOverride?: Date | null): LevelPlan {
    const due = dueOverride ?? this.after(enteredAt, this.rules.level[level] ?? { workingDays: this.catalogueDays[level] });
    return {
      dueAt: due.toISOString(),
      remindAt: this.before(due, this.rules.reminderBefore).toISOString(),
      escalateAt: this.after(due, this.rules.escalateAfter).toISOString(),
    };
  }

  returnDeadline(returnedAt: Date): string {
    return this.after(returnedAt, this.rules.returnWindow).toISOString();
  }

  /** The end of a period the law adds (công khai, hiệp y): configuration wins over the catalogue's working days. */
  period(kind: 'posting' | 'consultation', from: Date, catalogueWorkingDays: number): string {
    return this.after(from, this.rules[kind] ?? { workingDays: catalogueWorkingDays }).toISOString();
  }

  private after(from: Date, spec: DeadlineSpec): Date {
    return 'ms' in spec ? new Date(from.getTime() + spec.ms) : this.calendar.deadlineAfter(from, spec.workingDays);
  }

  private before(due: Date, spec: DeadlineSpec): Date {
    return 'ms' in spec ? new Date(due.getTime() - spec.ms) : this.calendar.workingDaysBefore(due, spec.workingDays);
  }
}
