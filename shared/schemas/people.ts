import { z } from 'zod';
import { Id, Name } from './common';

export const TeacherRole = z.enum(['teacher', 'admin']);
export type TeacherRole = z.infer<typeof TeacherRole>;

/** Role within an arbetslag: a lead approves the team's shared phrases. */
export const TeamRole = z.enum(['member', 'lead']);
export type TeamRole = z.infer<typeof TeamRole>;

export const Teacher = z.object({
  id: Id,
  name: Name,
  email: z.email().max(320),
  role: TeacherRole,
});
export type Teacher = z.infer<typeof Teacher>;

export const Team = z.object({ id: Id, name: Name });
export type Team = z.infer<typeof Team>;

export const GroupType = z.enum(['klass', 'undervisning', 'mentor']);
export const Group = z.object({ id: Id, name: Name, type: GroupType, teamId: Id.nullable() });
export type Group = z.infer<typeof Group>;

export const Me = z.object({
  teacher: Teacher,
  school: z.object({ id: Id, name: z.string() }),
  teams: z.array(Team.extend({ role: TeamRole })),
  groups: z.array(Group),
});
export type Me = z.infer<typeof Me>;
