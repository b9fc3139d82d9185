DROP INDEX `meetings_school`;--> statement-breakpoint
DROP INDEX `meetings_pupil`;--> statement-breakpoint
ALTER TABLE `meetings` ADD `agreement_count` integer GENERATED ALWAYS AS (json_array_length(agreements)) VIRTUAL;--> statement-breakpoint
CREATE INDEX `meetings_created_by` ON `meetings` (`created_by`,`starts_at`);--> statement-breakpoint
CREATE INDEX `meetings_school` ON `meetings` (`school_id`,`starts_at`,`pupil_id`,`status`,`agreement_count`,`id`);--> statement-breakpoint
CREATE INDEX `meetings_pupil` ON `meetings` (`pupil_id`,`starts_at`);--> statement-breakpoint
ALTER TABLE `schools` ADD `duties_version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE TRIGGER `duties_meetings_insert` AFTER INSERT ON `meetings` BEGIN UPDATE `schools` SET `duties_version` = `duties_version` + 1 WHERE `id` = NEW.`school_id`; END;--> statement-breakpoint
CREATE TRIGGER `duties_meetings_update` AFTER UPDATE ON `meetings` BEGIN UPDATE `schools` SET `duties_version` = `duties_version` + 1 WHERE `id` IN (OLD.`school_id`, NEW.`school_id`); END;--> statement-breakpoint
CREATE TRIGGER `duties_meetings_delete` AFTER DELETE ON `meetings` BEGIN UPDATE `schools` SET `duties_version` = `duties_version` + 1 WHERE `id` = OLD.`school_id`; END;--> statement-breakpoint
CREATE TRIGGER `duties_iups_insert` AFTER INSERT ON `iup_documents` BEGIN UPDATE `schools` SET `duties_version` = `duties_version` + 1 WHERE `id` = NEW.`school_id`; END;--> statement-breakpoint
CREATE TRIGGER `duties_iups_status` AFTER UPDATE OF `status`, `school_year`, `pupil_id` ON `iup_documents` WHEN OLD.`status` IS NOT NEW.`status` OR OLD.`school_year` IS NOT NEW.`school_year` OR OLD.`pupil_id` IS NOT NEW.`pupil_id` BEGIN UPDATE `schools` SET `duties_version` = `duties_version` + 1 WHERE `id` = NEW.`school_id`; END;--> statement-breakpoint
CREATE TRIGGER `duties_iups_delete` AFTER DELETE ON `iup_documents` BEGIN UPDATE `schools` SET `duties_version` = `duties_version` + 1 WHERE `id` = OLD.`school_id`; END;--> statement-breakpoint
CREATE TRIGGER `duties_pupils_insert` AFTER INSERT ON `pupils` BEGIN UPDATE `schools` SET `duties_version` = `duties_version` + 1 WHERE `id` = NEW.`school_id`; END;--> statement-breakpoint
CREATE TRIGGER `duties_pupils_update` AFTER UPDATE OF `first_name`, `last_name`, `skolform`, `arskurs`, `gets_grades`, `enrolled_at`, `security_marked`, `school_id` ON `pupils` BEGIN UPDATE `schools` SET `duties_version` = `duties_version` + 1 WHERE `id` IN (OLD.`school_id`, NEW.`school_id`); END;--> statement-breakpoint
CREATE TRIGGER `duties_pupils_delete` AFTER DELETE ON `pupils` BEGIN UPDATE `schools` SET `duties_version` = `duties_version` + 1 WHERE `id` = OLD.`school_id`; END;--> statement-breakpoint
CREATE TRIGGER `duties_group_members_insert` AFTER INSERT ON `group_members` BEGIN UPDATE `schools` SET `duties_version` = `duties_version` + 1 WHERE `id` = (SELECT `school_id` FROM `groups` WHERE `id` = NEW.`group_id`); END;--> statement-breakpoint
CREATE TRIGGER `duties_group_members_delete` AFTER DELETE ON `group_members` BEGIN UPDATE `schools` SET `duties_version` = `duties_version` + 1 WHERE `id` = (SELECT `school_id` FROM `groups` WHERE `id` = OLD.`group_id`); END;--> statement-breakpoint
CREATE TRIGGER `duties_groups_insert` AFTER INSERT ON `groups` BEGIN UPDATE `schools` SET `duties_version` = `duties_version` + 1 WHERE `id` = NEW.`school_id`; END;--> statement-breakpoint
CREATE TRIGGER `duties_groups_update` AFTER UPDATE OF `name`, `team_id`, `school_id` ON `groups` BEGIN UPDATE `schools` SET `duties_version` = `duties_version` + 1 WHERE `id` IN (OLD.`school_id`, NEW.`school_id`); END;--> statement-breakpoint
CREATE TRIGGER `duties_groups_delete` AFTER DELETE ON `groups` BEGIN UPDATE `schools` SET `duties_version` = `duties_version` + 1 WHERE `id` = OLD.`school_id`; END;--> statement-breakpoint
CREATE TRIGGER `duties_mentors_insert` AFTER INSERT ON `mentors` BEGIN UPDATE `schools` SET `duties_version` = `duties_version` + 1 WHERE `id` = (SELECT `school_id` FROM `teachers` WHERE `id` = NEW.`teacher_id`); END;--> statement-breakpoint
CREATE TRIGGER `duties_mentors_delete` AFTER DELETE ON `mentors` BEGIN UPDATE `schools` SET `duties_version` = `duties_version` + 1 WHERE `id` = (SELECT `school_id` FROM `teachers` WHERE `id` = OLD.`teacher_id`); END;--> statement-breakpoint
CREATE TRIGGER `duties_team_members_insert` AFTER INSERT ON `team_members` BEGIN UPDATE `schools` SET `duties_version` = `duties_version` + 1 WHERE `id` = (SELECT `school_id` FROM `teams` WHERE `id` = NEW.`team_id`); END;--> statement-breakpoint
CREATE TRIGGER `duties_team_members_delete` AFTER DELETE ON `team_members` BEGIN UPDATE `schools` SET `duties_version` = `duties_version` + 1 WHERE `id` = (SELECT `school_id` FROM `teams` WHERE `id` = OLD.`team_id`); END;--> statement-breakpoint
CREATE TRIGGER `duties_team_members_update` AFTER UPDATE ON `team_members` BEGIN UPDATE `schools` SET `duties_version` = `duties_version` + 1 WHERE `id` IN (SELECT `school_id` FROM `teams` WHERE `id` IN (OLD.`team_id`, NEW.`team_id`)); END;--> statement-breakpoint
CREATE TRIGGER `duties_teachers_role` AFTER UPDATE OF `role`, `school_id` ON `teachers` BEGIN UPDATE `schools` SET `duties_version` = `duties_version` + 1 WHERE `id` IN (OLD.`school_id`, NEW.`school_id`); END;--> statement-breakpoint
CREATE TRIGGER `duties_schools_rules` AFTER UPDATE OF `calendar`, `settings` ON `schools` BEGIN UPDATE `schools` SET `duties_version` = `duties_version` + 1 WHERE `id` = NEW.`id`; END;
