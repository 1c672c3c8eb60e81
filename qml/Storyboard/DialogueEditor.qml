// DialogueEditor: the shot's dialogue lines (speaker, language, text, optional start time).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kinora.Controls

ColumnLayout {
    id: dialogue
    required property var viewModel
    property var lines: []
    spacing: 6

    readonly property var languages: ["en", "es", "fr", "de", "it", "pt", "ja", "zh", "hi", "ar", "ru", "ko"]

    Repeater {
        // An integer model: typing into a line must not rebuild the delegates (and lose focus).
        model: dialogue.lines.length
        delegate: Rectangle {
            id: lineBox
            required property int index
            readonly property var modelData: dialogue.lines[index] || ({ speaker: "", language: "", text: "", parenthetical: "", hasStart: false, startSeconds: 0 })
            Layout.fillWidth: true
            implicitHeight: lineLayout.implicitHeight + 12
            color: Theme.surfaceRaised
            radius: Theme.radius

            GridLayout {
                id: lineLayout
                anchors.fill: parent
                anchors.margins: 6
                columns: 4
                TextField {
                    objectName: "speakerField"
                    Layout.fillWidth: true
                    placeholderText: qsTr("Speaker")
                    text: lineBox.modelData.speaker
                    onTextEdited: dialogue.viewModel.setDialogueField(lineBox.index, "speaker", text)
                }
                ComboBox {
                    objectName: "languageBox"
                    Layout.preferredWidth: 80
                    editable: true
                    model: dialogue.languages
                    // Both: an editable box otherwise shows its first entry ("en") for every line.
                    currentIndex: dialogue.languages.indexOf(lineBox.modelData.language)
                    editText: lineBox.modelData.language
                    onActivated: index => dialogue.viewModel.setDialogueField(lineBox.index, "language", model[index])
                    onAccepted: dialogue.viewModel.setDialogueField(lineBox.index, "language", editText)
                }
                TextField {
                    objectName: "startField"
                    Layout.preferredWidth: 64
                    placeholderText: qsTr("auto")
                    text: lineBox.modelData.hasStart ? lineBox.modelData.startSeconds.toFixed(1) : ""
                    validator: DoubleValidator { bottom: 0; top: 20; decimals: 2 }
                    onEditingFinished: dialogue.viewModel.setDialogueField(lineBox.index, "startSeconds",
                                                                         text.length > 0 ? parseFloat(text) : null)
                    ToolTip.text: qsTr("Start time in seconds; empty follows the previous line")
                    ToolTip.visible: hovered
                }
                IconButton {
                    text: "✕"
                    tip: qsTr("Remove this line")
                    onClicked: dialogue.viewModel.removeDialogueLine(lineBox.index)
                }
                TextField {
                    objectName: "lineText"
                    Layout.columnSpan: 4
                    Layout.fillWidth: true
                    placeholderText: qsTr("What they say")
                    text: lineBox.modelData.text
                    onTextEdited: dialogue.viewModel.setDialogueField(lineBox.index, "text", text)
                }
                TextField {
                    Layout.columnSpan: 4
                    Layout.fillWidth: true
                    visible: lineBox.modelData.parenthetical.length > 0 || activeFocus
                    placeholderText: qsTr("(how they say it)")
                    text: lineBox.modelData.parenthetical
                    onTextEdited: dialogue.viewModel.setDialogueField(lineBox.index, "parenthetical", text)
                }
            }
        }
    }
    Button {
        objectName: "addDialogueButton"
        text: qsTr("Add dialogue line")
        onClicked: dialogue.viewModel.addDialogueLine()
    }
}
