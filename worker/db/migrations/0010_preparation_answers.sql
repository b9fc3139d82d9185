CREATE TABLE `preparation_answers` (
	`school_id` text NOT NULL,
	`pupil_id` text NOT NULL,
	`school_year` text NOT NULL,
	`author` text NOT NULL,
	`answers` text NOT NULL,
	`link_id` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`pupil_id`, `school_year`, `author`),
	FOREIGN KEY (`school_id`) REFERENCES `schools`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`pupil_id`) REFERENCES `pupils`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`link_id`) REFERENCES `share_links`(`id`) ON UPDATE no action ON DELETE no action
);
