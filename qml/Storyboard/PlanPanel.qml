// PlanPanel: how Kinora understood the current shot: place, light, weather, the things in it,
// what happens, and (in the warning colour) the words it did not understand.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kinora.Controls

ColumnLayout {
    id: panel
    objectName: "planPanel"
    required property var planModel
    readonly property var s: planModel.summary
    readonly property bool valid: s.valid === true
    spacing: 4

    function describeAction(a) {
        // How the actor moves relative to the target: "walk past car-1", "run after ball-1".
        const ways = { "past": qsTr("past"), "follow": qsTr("after"), "toward": qsTr("toward"),
                       "away": qsTr("away from"), "around": qsTr("around"), "across": qsTr("across"),
                       "along": qsTr("along") }
        const way = a.path ? ways[a.path] || a.path : ""
        let text = a.actor + " " + a.verb + (a.object ? " " + a.object : "")
        if (a.target)
            text += (way ? " " + way + " " : " → ") + a.target
        else if (way)
            text += " " + way
        if (a.intensity !== undefined && Math.abs(a.intensity - 1) > 0.01)
            text += " " + qsTr("(×%1)").arg(a.intensity.toFixed(1))
        if (!a.succeeds)
            text += " " + qsTr("(misses)")
        return qsTr("%1 s: %2").arg(a.startSeconds.toFixed(1)).arg(text)
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: 6
        Label {
            objectName: "editedPlanBadge"
            visible: panel.s.edited === true
            text: qsTr("Edited plan: the prompt no longer changes this shot")
            color: Theme.accent
            font.pixelSize: Theme.smallFontSize
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Item { Layout.fillWidth: true; visible: panel.s.edited !== true }
        IconButton {
            objectName: "editPlanButton"
            text: qsTr("Edit plan…")
            tip: qsTr("Change what Kinora understood: things, positions, actions, camera")
            enabled: panel.valid
            onClicked: editor.openWith(panel.s.json)
        }
        IconButton {
            objectName: "resetPlanButton"
            visible: panel.s.edited === true
            text: qsTr("Reset to prompt")
            tip: qsTr("Forget the edits; the prompt decides again (Ctrl+Z brings them back)")
            onClicked: panel.planModel.resetPlan()
        }
    }
    PlanEditorDialog {
        id: editor
        planModel: panel.planModel
    }
    Label {
        visible: !panel.valid
        text: panel.planModel.busy ? qsTr("Reading the prompt…") : (panel.s.error || qsTr("Write a prompt to see how Kinora understands it."))
        color: Theme.textMuted
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Label {
        objectName: "planSetting"
        visible: panel.valid
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        color: Theme.text
        text: qsTr("%1 · %2 · %3 · camera %4").arg(panel.s.environment || "").arg(panel.s.timeOfDay || "")
                                              .arg(panel.s.weather || "").arg(panel.s.camera || "")
    }
    Flow {
        visible: panel.valid
        Layout.fillWidth: true
        spacing: 4
        Repeater {
            model: panel.valid ? panel.s.entities : []
            delegate: Rectangle {
                required property var modelData
                radius: 3
                color: Theme.surfaceRaised
                width: chip.implicitWidth + 10
                height: chip.implicitHeight + 4
                Label {
                    id: chip
                    anchors.centerIn: parent
                    text: (modelData.colorName ? modelData.colorName + " " : "") + modelData.noun + "  " + modelData.id
                    font.pixelSize: Theme.smallFontSize
                    color: Theme.text
                }
            }
        }
    }
    Repeater {
        model: panel.valid ? panel.s.actions : []
        delegate: Label {
            required property var modelData
            text: panel.describeAction(modelData)
            color: Theme.textMuted
            font.pixelSize: Theme.smallFontSize
        }
    }
    Label {
        objectName: "unknownWords"
        visible: panel.valid && panel.s.unknownWords.length > 0
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        color: Theme.warning
        text: qsTr("Not understood: %1").arg(panel.valid ? panel.s.unknownWords.join(", ") : "")
    }
    Repeater {
        model: panel.valid ? panel.s.notes : []
        delegate: Label {
            required property var modelData
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: modelData
            color: Theme.textMuted
            font.pixelSize: Theme.smallFontSize
            font.italic: true
        }
    }
}
