CREATE TABLE `roster_pulls` (
	`id` text PRIMARY KEY NOT NULL,
	`school_id` text NOT NULL,
	`source` text NOT NULL,
	`since` text,
	`started_at` text NOT NULL,
	`actor_id` text NOT NULL,
	`report` text NOT NULL,
	FOREIGN KEY (`school_id`) REFERENCES `schools`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `teachers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `roster_pulls_school_source` ON `roster_pulls` (`school_id`,`source`,`started_at`);--> statement-breakpoint
ALTER TABLE `teachers` ADD `ss12000_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `teachers_school_ss12000` ON `teachers` (`school_id`,`ss12000_id`);