/**
 * Kazakh case endings for a word (month names in dates above all: "30 маусымға дейін", not "30 маусым дейін").
 * The ending follows the word's last vowel (back а о ұ ы у я → а; front ә е ө ү і и э ю → е) and its last
 * sound: after a vowel or a voiced consonant the voiced form, after a voiceless one the voiceless form, and
 * for the ablative -нан/-нен after м, н, ң.
 */
export type KazakhCase = "nominative" | "dative" | "locative" | "ablative";

const backVowels = "аоұыуя";
const frontVowels = "әеөүіиэю";
const voiceless = "кқпстфхцчшщ";
const nasals = "мнң";

function isFront(word: string): boolean {
  for (let i = word.length - 1; i >= 0; i--) {
    const c = word[i]!;
    if (frontVowels.includes(c)) return true;
    if (backVowels.includes(c)) return false;
  }
  return false;
}

export function kazakhCase(word: string, grammaticalCase: KazakhCase): string {
  if (grammaticalCase === "nominative" || word === "") return word;
  const last = word[word.length - 1]!.toLowerCase();
  const front = isFront(word.toLowerCase());
  const a = front ? "е" : "а";
  if (grammaticalCase === "dative") {
    if (last === "к") return `${word}ке`;
    if (last === "қ") return `${word}қа`;
    return `${word}${voiceless.includes(last) ? (front ? "ке" : "қа") : front ? "ге" : "ға"}`;
  }
  if (grammaticalCase === "locative") return `${word}${voiceless.includes(last) ? "т" : "д"}${a}`;
  // ablative
  if (nasals.includes(last)) return `${word}н${a}н`;
  return `${word}${voiceless.includes(last) ? "т" : "д"}${a}н`;
}

