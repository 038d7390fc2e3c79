import type { SlaCalendar, Weekday } from '../gql/graphql';

export const CALENDAR_LABELS: Record<SlaCalendar, string> = {
  TWENTY_FOUR_SEVEN: '24/7',
  BUSINESS_HOURS: 'Business hours',
};

export const WEEKDAYS: readonly Weekday[] = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

export const WEEKDAY_LABELS: Record<Weekday, string> = {
  MONDAY: 'Monday',
  TUESDAY: 'Tuesday',
  WEDNESDAY: 'Wednesday',
  THURSDAY: 'Thursday',
  FRIDAY: 'Friday',
  SATURDAY: 'Saturday',
  SUNDAY: 'Sunday',
};
