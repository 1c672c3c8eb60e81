// FieldLabel: the small caption above a form field.
import QtQuick
import QtQuick.Controls

Label {
    color: Theme.textMuted
    font.pixelSize: Theme.smallFontSize
    font.capitalization: Font.AllUppercase
    font.letterSpacing: 0.6
}
