/**
 * Longest relative Graph URL (path + query, in characters) the gateway builds, follows or stores in a
 * cursor. Chosen so that a cursor holding such a URL stays under the cursor codec's 4096-character cap.
 */
export const maxRelativeUrlLength = 2560;
