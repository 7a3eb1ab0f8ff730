// Dutch for RJSF's own texts (buttons, yes/no, array and option labels), by RJSF's English keys.
import { TranslatableString as T, englishStringTranslator, replaceStringParameters } from "@rjsf/utils";

var DUTCH = {};
DUTCH[T.ArrayItemTitle] = "Item";
DUTCH[T.MissingItems] = "Dit formulier beschrijft de items van deze lijst niet.";
DUTCH[T.EmptyArray] = "Nog niets toegevoegd.";
DUTCH[T.YesLabel] = "Ja";
DUTCH[T.NoLabel] = "Nee";
DUTCH[T.CloseLabel] = "Sluiten";
DUTCH[T.ErrorsLabel] = "Fouten";
DUTCH[T.NewStringDefault] = "Nieuwe waarde";
DUTCH[T.AddButton] = "Toevoegen";
DUTCH[T.AddItemButton] = "Item toevoegen";
DUTCH[T.CopyButton] = "Kopiëren";
DUTCH[T.ExpandButton] = "Uitklappen";
DUTCH[T.MoveDownButton] = "Omlaag";
DUTCH[T.MoveUpButton] = "Omhoog";
DUTCH[T.RemoveButton] = "Verwijderen";
DUTCH[T.NowLabel] = "Nu";
DUTCH[T.ClearLabel] = "Wissen";
DUTCH[T.AriaDateLabel] = "Kies een datum";
DUTCH[T.PreviewLabel] = "Voorbeeld";
DUTCH[T.DecrementAriaLabel] = "Eén lager";
DUTCH[T.IncrementAriaLabel] = "Eén hoger";
DUTCH[T.OptionalObjectAdd] = "Gegevens toevoegen";
DUTCH[T.OptionalObjectRemove] = "Gegevens verwijderen";
DUTCH[T.OptionalObjectEmptyMsg] = "Geen gegevens";
DUTCH[T.Type] = "Soort";
DUTCH[T.Value] = "Waarde";
DUTCH[T.ClearButton] = "Invoer wissen";
DUTCH[T.UnknownFieldType] = "Onbekend veldtype %1";
DUTCH[T.OptionPrefix] = "Keuze %1";
DUTCH[T.TitleOptionPrefix] = "%1 keuze %2";
DUTCH[T.KeyLabel] = "%1 (naam)";
DUTCH[T.DeprecatedLabel] = "%1 (verouderd)";
DUTCH[T.CycleDetected] = "Het veld \"%1\" verwijst naar zichzelf.";
DUTCH[T.InvalidObjectField] = "Ongeldige opbouw van veld \"%1\": _%2_.";
DUTCH[T.UnsupportedField] = "Dit soort veld wordt niet ondersteund.";
DUTCH[T.UnsupportedFieldWithId] = "Veld `%1` wordt niet ondersteund.";
DUTCH[T.UnsupportedFieldWithReason] = "Dit soort veld wordt niet ondersteund: _%1_.";
DUTCH[T.UnsupportedFieldWithIdAndReason] = "Veld `%1` wordt niet ondersteund: _%2_.";
DUTCH[T.FilesInfo] = "**%1** (%2, %3 bytes)";

export function translateString(text, params) {
  return DUTCH[text] ? replaceStringParameters(DUTCH[text], params) : englishStringTranslator(text, params);
}
