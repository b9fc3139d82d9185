-- One source of truth for agreements: the samtal record. An agreed IUP's own agreement texts are
-- copied, one per party, onto the samtal it was agreed at when that samtal has none yet (an
-- agreement holds at most 2,000 characters; the IUP keeps its text unchanged, so nothing is lost).
UPDATE `meetings` SET `agreements` = (
  SELECT json_group_array(json_object('party', p.party, 'text', substr(trim(p.text), 1, 2000))) FROM (
    SELECT 'school' AS party, json_extract(d.`sections`, '$.agreements.school') AS text
      FROM `iup_documents` d WHERE d.`agreed_meeting_id` = `meetings`.`id`
    UNION ALL SELECT 'pupil', json_extract(d.`sections`, '$.agreements.pupil')
      FROM `iup_documents` d WHERE d.`agreed_meeting_id` = `meetings`.`id`
    UNION ALL SELECT 'guardians', json_extract(d.`sections`, '$.agreements.guardians')
      FROM `iup_documents` d WHERE d.`agreed_meeting_id` = `meetings`.`id`
  ) p WHERE trim(coalesce(p.text, '')) <> ''
)
WHERE json_array_length(`agreements`) = 0
  AND `id` IN (SELECT `agreed_meeting_id` FROM `iup_documents` WHERE `agreed_meeting_id` IS NOT NULL);
