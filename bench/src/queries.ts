/** The reads and the write the benchmark drives, sent alike to the API and to the floor. */

/** The portal's main query for a relative. */
export const OVERVIEW = `query Overview { viewer { givenName clients(first: 50) { totalCount edges { node { id givenName familyName fixedContact { givenName familyName title workMobile } deputy { givenName familyName title workMobile } contactNow { reason primaryAwayUntil teamPhone contact { givenName familyName workMobile } } } } } } }`;

/** A client's own page: the phone list and the latest messages. */
export const CLIENT_PAGE = `query ClientPage($id: ID!) { client(id: $id) { id givenName familyName phoneList { kind name number } conversation(first: 10) { totalCount edges { node { body authorName sentAt } } } } }`;

/** The staff inbox. */
export const INBOX = `query Inbox { viewer { inbox(first: 20) { totalCount edges { node { unanswered waitingSince client { id givenName familyName } lastMessage { body sentAt } } } } } }`;

/** A relative writes to the care contact. */
export const SEND = `mutation Send($input: SendMessageInput!) { sendMessage(input: $input) { messageId error { code } } }`;
