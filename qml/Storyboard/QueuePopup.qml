// QueuePopup: the generation queue in the order the worker takes it; move a waiting shot earlier
// or later, or cancel it. The running job stays first: it cannot be overtaken mid-render.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kinora.Controls

Popup {
    id: popup
    required property var viewModel
    readonly property var queue: viewModel.generation.queue
    readonly property int runningCount: queue.filter(j => j.state === "running").length
    width: 420
    padding: 10
    modal: false
    focus: true
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutsideParent

    background: Rectangle { color: Theme.surfaceRaised; border.color: Theme.border; radius: 6 }

    function describe(job) {
        if (job.state !== "running")
            return qsTr("Waiting")
        if (job.stage === "render")
            return qsTr("Rendering · %1%").arg(Math.round(job.progress * 100))
        return job.stage === "simulate" ? qsTr("Simulating…") : qsTr("Generating…")
    }

    contentItem: ColumnLayout {
        spacing: 4
        Label {
            text: qsTr("Generation queue")
            font.bold: true
            color: Theme.text
        }
        Label {
            visible: popup.queue.length === 0
            text: qsTr("Nothing is waiting.")
            color: Theme.textMuted
        }
        Repeater {
            model: popup.queue
            delegate: RowLayout {
                required property var modelData
                required property int index
                readonly property int queuedIndex: index - popup.runningCount
                objectName: "queueRow"
                Layout.fillWidth: true
                spacing: 4
                Label {
                    text: qsTr("Shot %1").arg(modelData.number)
                    color: Theme.text
                    Layout.preferredWidth: 64
                }
                Label {
                    text: popup.describe(modelData)
                    color: modelData.state === "running" ? Theme.accent : Theme.textMuted
                    Layout.fillWidth: true
                }
                IconButton {
                    objectName: "queueUpButton"
                    text: "▲"
                    tip: qsTr("Generate earlier")
                    enabled: modelData.state === "queued" && queuedIndex > 0
                    onClicked: popup.viewModel.generation.moveInQueue(modelData.job, queuedIndex - 1)
                }
                IconButton {
                    objectName: "queueDownButton"
                    text: "▼"
                    tip: qsTr("Generate later")
                    enabled: modelData.state === "queued" && index < popup.queue.length - 1
                    onClicked: popup.viewModel.generation.moveInQueue(modelData.job, queuedIndex + 1)
                }
                IconButton {
                    text: "✕"
                    tip: qsTr("Cancel this shot's generation")
                    onClicked: popup.viewModel.generation.cancelJob(modelData.job)
                }
            }
        }
    }
}
