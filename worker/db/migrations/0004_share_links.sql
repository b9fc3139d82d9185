CREATE TABLE `share_comments` (
	`school_id` text NOT NULL,
	`pupil_id` text NOT NULL,
	`school_year` text NOT NULL,
	`author` text NOT NULL,
	`text` text NOT NULL,
	`link_id` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`pupil_id`, `school_year`, `author`),
	FOREIGN KEY (`school_id`) REFERENCES `schools`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`pupil_id`) REFERENCES `pupils`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`link_id`) REFERENCES `share_links`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `share_links` (
	`id` text PRIMARY KEY NOT NULL,
	`school_id` text NOT NULL,
	`pupil_id` text NOT NULL,
	`school_year` text NOT NULL,
	`hash` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`revoked_at` text,
	`write_window_start` text,
	`write_count` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`school_id`) REFERENCES `schools`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`pupil_id`) REFERENCES `pupils`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `teachers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `share_links_hash` ON `share_links` (`hash`);--> statement-breakpoint
CREATE INDEX `share_links_pupil` ON `share_links` (`pupil_id`);