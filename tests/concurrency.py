"""Run a function in many real threads at once, each like its own request."""
import threading

from hackathon.extensions import db


def run_at_once(app, function, arguments: list) -> list:
    """Call function(arg) for every arg in its own thread and app context, released together.

    Returns what each call returned, or the exception it raised.
    """
    db.session.commit()  # let the threads have the database
    barrier = threading.Barrier(len(arguments))
    results = [None] * len(arguments)

    def worker(index, argument):
        with app.app_context():
            barrier.wait()
            try:
                results[index] = function(argument)
            except Exception as error:  # collected for the test to inspect
                results[index] = error
            finally:
                db.session.remove()

    threads = [threading.Thread(target=worker, args=item) for item in enumerate(arguments)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results
