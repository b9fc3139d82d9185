CREATE TABLE `phrase_versions` (
	`phrase_id` text NOT NULL,
	`version` integer NOT NULL,
	`school_id` text NOT NULL,
	`text` text NOT NULL,
	`subject` text,
	`aspect` text NOT NULL,
	`level` text,
	`tags` text NOT NULL,
	`status` text NOT NULL,
	`editor_id` text NOT NULL,
	`at` text NOT NULL,
	PRIMARY KEY(`phrase_id`, `version`),
	FOREIGN KEY (`phrase_id`) REFERENCES `phrases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `phrases` ADD `last_used_at` text;--> statement-breakpoint
ALTER TABLE `phrases` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
INSERT INTO `phrase_versions` (`phrase_id`, `version`, `school_id`, `text`, `subject`, `aspect`, `level`, `tags`, `status`, `editor_id`, `at`)
  SELECT `id`, 1, `school_id`, `text`, `subject`, `aspect`, `level`, `tags`, `status`, `author_id`, `updated_at` FROM `phrases`;
