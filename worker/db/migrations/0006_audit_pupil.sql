ALTER TABLE `audit_log` ADD `pupil_id` text;--> statement-breakpoint
CREATE INDEX `audit_log_school_pupil` ON `audit_log` (`school_id`,`pupil_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_log_school_actor` ON `audit_log` (`school_id`,`actor_id`,`at`);--> statement-breakpoint
UPDATE `audit_log` SET `pupil_id` = `entity_id` WHERE `entity` IN ('pupil', 'pupil-handover');--> statement-breakpoint
UPDATE `audit_log` SET `pupil_id` = (SELECT `pupil_id` FROM `iup_documents` WHERE `iup_documents`.`id` = `audit_log`.`entity_id`) WHERE `entity` = 'iup';--> statement-breakpoint
UPDATE `audit_log` SET `pupil_id` = (SELECT `pupil_id` FROM `meetings` WHERE `meetings`.`id` = `audit_log`.`entity_id`) WHERE `entity` = 'meeting';--> statement-breakpoint
UPDATE `audit_log` SET `pupil_id` = (SELECT `pupil_id` FROM `share_links` WHERE `share_links`.`id` = `audit_log`.`entity_id`) WHERE `entity` IN ('share-link', 'share-comment');
