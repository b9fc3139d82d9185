CREATE TABLE `samtal_audience` (
	`offer_id` text NOT NULL,
	`group_id` text,
	`pupil_id` text,
	FOREIGN KEY (`offer_id`) REFERENCES `samtal_offers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`pupil_id`) REFERENCES `pupils`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `samtal_audience_offer` ON `samtal_audience` (`offer_id`);--> statement-breakpoint
CREATE INDEX `samtal_audience_group` ON `samtal_audience` (`group_id`);--> statement-breakpoint
CREATE INDEX `samtal_audience_pupil` ON `samtal_audience` (`pupil_id`);--> statement-breakpoint
CREATE TABLE `samtal_invitations` (
	`id` text PRIMARY KEY NOT NULL,
	`school_id` text NOT NULL,
	`pupil_id` text NOT NULL,
	`school_year` text NOT NULL,
	`sent_at` text NOT NULL,
	`method` text NOT NULL,
	`declined_at` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`school_id`) REFERENCES `schools`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`pupil_id`) REFERENCES `pupils`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `teachers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `samtal_invitations_pupil` ON `samtal_invitations` (`pupil_id`,`school_year`,`sent_at`);--> statement-breakpoint
CREATE INDEX `samtal_invitations_school` ON `samtal_invitations` (`school_id`,`school_year`,`pupil_id`);--> statement-breakpoint
CREATE TABLE `samtal_offers` (
	`id` text PRIMARY KEY NOT NULL,
	`school_id` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`school_id`) REFERENCES `schools`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `teachers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `samtal_times` (
	`id` text PRIMARY KEY NOT NULL,
	`school_id` text NOT NULL,
	`offer_id` text NOT NULL,
	`starts_at` text NOT NULL,
	`duration_minutes` integer NOT NULL,
	`place` text NOT NULL,
	`interpreter_available` integer DEFAULT false NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`school_id`) REFERENCES `schools`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`offer_id`) REFERENCES `samtal_offers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `teachers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `samtal_times_offer` ON `samtal_times` (`offer_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `samtal_times_school` ON `samtal_times` (`school_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `samtal_times_created_by` ON `samtal_times` (`created_by`,`starts_at`);--> statement-breakpoint
ALTER TABLE `audit_log` ADD `link_id` text;--> statement-breakpoint
ALTER TABLE `meetings` ADD `place` text;--> statement-breakpoint
ALTER TABLE `meetings` ADD `time_id` text;--> statement-breakpoint
ALTER TABLE `meetings` ADD `booked_via_link` text;--> statement-breakpoint
ALTER TABLE `meetings` ADD `interpreter_language` text;--> statement-breakpoint
ALTER TABLE `meetings` ADD `sequence` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `meetings_time_live` ON `meetings` (`time_id`) WHERE time_id is not null and status <> 'cancelled';--> statement-breakpoint
ALTER TABLE `share_links` ADD `label` text;--> statement-breakpoint
CREATE TRIGGER `duties_invitations_insert` AFTER INSERT ON `samtal_invitations` BEGIN UPDATE `schools` SET `duties_version` = `duties_version` + 1 WHERE `id` = NEW.`school_id`; END;--> statement-breakpoint
CREATE TRIGGER `duties_invitations_update` AFTER UPDATE ON `samtal_invitations` BEGIN UPDATE `schools` SET `duties_version` = `duties_version` + 1 WHERE `id` IN (OLD.`school_id`, NEW.`school_id`); END;--> statement-breakpoint
CREATE TRIGGER `duties_invitations_delete` AFTER DELETE ON `samtal_invitations` BEGIN UPDATE `schools` SET `duties_version` = `duties_version` + 1 WHERE `id` = OLD.`school_id`; END;
