"""Jupyter's kernel conformance suite (jupyter_kernel_test) run against `drivernb kernel`.

Run by KernelConformanceTests with Debian's Python and JUPYTER_PATH pointing at a kernelspec
installed by `drivernb kernel install --prefix`. The kernelspec name comes from DRIVERNB_KERNEL_NAME.
"""

import os
import time
import unittest

import jupyter_kernel_test
from jupyter_client.utils import run_sync

USB_CHART = (
    "#!usb-throughput --speed high --type interrupt --max-packet 1024 --interval 1 "
    "--transfer 1024 --pending 4 --turnaround 100us --measured 8MB/s"
)


class DrivernbKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = os.environ.get("DRIVERNB_KERNEL_NAME", "drivernb")

    language_name = "csharp"
    file_extension = ".cs"

    code_hello_world = 'Console.WriteLine("hello, world");'
    code_stderr = 'Console.Error.WriteLine("this goes to stderr");'

    completion_samples = [
        {"text": "Console.WriteL", "matches": {"WriteLine"}},
        {"text": "Math.Sqr", "matches": {"Sqrt"}},
        {"text": "#!usb-thr", "matches": {"#!usb-throughput"}},
        {"text": "#!kmdf-lifecycle --scen", "matches": {"--scenario"}},
    ]

    complete_code_samples = ["1 + 1", "var x = 1;", "class C { }", "#!kmdf-patterns", ""]
    incomplete_code_samples = ["if (true) {", "var xs = new[] { 1,", "class C {"]

    code_display_data = [
        {"code": 'display("shown");', "mime": "text/plain"},
        {"code": "display(new { Speed = 480 });", "mime": "text/html"},
        {"code": USB_CHART, "mime": "text/html"},
    ]

    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": '"drivernb"', "result": "drivernb"},
        {"code": "Math.Max(3, 8)", "mime": "text/html"},
    ]

    code_generate_error = 'throw new InvalidOperationException("expected by the test");'

    code_inspect_sample = "Console.WriteLine"

    def test_execute_input_carries_the_count_the_reply_has(self):
        self.flush_channels()
        msg_id = self.kc.execute("var counted = 1;")
        reply = self.get_non_kernel_info_reply(timeout=jupyter_kernel_test.TIMEOUT)
        inputs = []
        while True:
            msg = run_sync(self.kc.iopub_channel.get_msg)(timeout=5)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "execute_input":
                inputs.append(msg["content"]["execution_count"])
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
        self.assertEqual(inputs, [reply["content"]["execution_count"]])

    def test_state_survives_a_cell_that_throws(self):
        self.flush_channels()
        self.execute_helper("var survivor = 40;")
        reply, _ = self.execute_helper('survivor += 1; throw new Exception("after the change");')
        self.assertEqual(reply["content"]["status"], "error")
        reply, outputs = self.execute_helper("survivor + 1")
        self.assertEqual(reply["content"]["status"], "ok")
        results = [m for m in outputs if m["msg_type"] == "execute_result"]
        self.assertEqual(results[0]["content"]["data"]["text/plain"], "42")

    def test_interrupt_from_the_kernel_manager_stops_a_cooperative_cell(self):
        self.flush_channels()
        msg_id = self.kc.execute(
            'Console.WriteLine("running");\n'
            "while (!CancellationToken.IsCancellationRequested) System.Threading.Thread.Sleep(10);"
        )
        deadline = time.time() + jupyter_kernel_test.TIMEOUT
        while time.time() < deadline:  # interrupt only once the cell runs
            msg = run_sync(self.kc.iopub_channel.get_msg)(timeout=jupyter_kernel_test.TIMEOUT)
            if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream":
                break
        self.km.interrupt_kernel()
        reply = self.get_non_kernel_info_reply(timeout=jupyter_kernel_test.TIMEOUT)
        self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "Interrupted")
        self.flush_channels()
        reply, _ = self.execute_helper("1 + 1")
        self.assertEqual(reply["content"]["status"], "ok")

    def test_the_heartbeat_is_answered(self):
        self.assertTrue(self.kc.hb_channel.is_beating())
        self.assertTrue(self.km.is_alive())


if __name__ == "__main__":
    unittest.main()
