CREATE TABLE `samtal_acknowledgements` (
	`id` text PRIMARY KEY NOT NULL,
	`school_id` text NOT NULL,
	`meeting_id` text NOT NULL,
	`pupil_id` text NOT NULL,
	`link_id` text NOT NULL,
	`who` text NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`school_id`) REFERENCES `schools`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`pupil_id`) REFERENCES `pupils`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`link_id`) REFERENCES `share_links`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `samtal_acknowledgements_meeting` ON `samtal_acknowledgements` (`meeting_id`,`at`);--> statement-breakpoint
CREATE INDEX `samtal_acknowledgements_pupil` ON `samtal_acknowledgements` (`pupil_id`);--> statement-breakpoint
DROP INDEX `share_links_pupil`;--> statement-breakpoint
CREATE INDEX `share_links_school` ON `share_links` (`school_id`,`created_at`,`pupil_id`);--> statement-breakpoint
CREATE INDEX `share_links_pupil` ON `share_links` (`pupil_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `iup_documents` ADD `shared_at` text;--> statement-breakpoint
ALTER TABLE `iup_documents` ADD `agreed_meeting_id` text;--> statement-breakpoint
ALTER TABLE `meetings` ADD `held_at` text;--> statement-breakpoint
ALTER TABLE `meetings` ADD `held_by` text REFERENCES teachers(id);--> statement-breakpoint
ALTER TABLE `meetings` ADD `participants` text;--> statement-breakpoint
ALTER TABLE `meetings` ADD `follow_up` text DEFAULT '[]' NOT NULL;
--> statement-breakpoint
-- Existing data: a shared or agreed IUP was shared when its status was last set.
UPDATE `iup_documents` SET `shared_at` = `status_changed_at` WHERE `status` IN ('shared', 'agreed');--> statement-breakpoint
-- An agreed IUP is tied to the pupil's latest held samtal of its läsår (1 July – 30 June), when there is one;
-- one without any held samtal keeps its status but no longer counts as done.
UPDATE `iup_documents` SET `agreed_meeting_id` = (
  SELECT m.`id` FROM `meetings` m
  WHERE m.`pupil_id` = `iup_documents`.`pupil_id` AND m.`status` = 'held'
    AND m.`starts_at` >= substr(`iup_documents`.`school_year`, 1, 4) || '-07-01'
    AND m.`starts_at` < (CAST(substr(`iup_documents`.`school_year`, 1, 4) AS INTEGER) + 1) || '-07-01'
  ORDER BY m.`starts_at` DESC LIMIT 1
) WHERE `status` = 'agreed';--> statement-breakpoint
CREATE TRIGGER `duties_share_links_insert` AFTER INSERT ON `share_links` BEGIN UPDATE `schools` SET `duties_version` = `duties_version` + 1 WHERE `id` = NEW.`school_id`; END;--> statement-breakpoint
CREATE TRIGGER `duties_share_links_delete` AFTER DELETE ON `share_links` BEGIN UPDATE `schools` SET `duties_version` = `duties_version` + 1 WHERE `id` = OLD.`school_id`; END;
--> statement-breakpoint
-- A samtal already marked held was held when it was booked for, by the teacher who booked it.
UPDATE `meetings` SET `held_at` = `starts_at`, `held_by` = `created_by` WHERE `status` = 'held';
